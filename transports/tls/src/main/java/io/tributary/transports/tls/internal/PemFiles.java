package io.tributary.transports.tls.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads a certificate chain and its private key from PEM files and checks that they belong
 * together. Keys may be PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1
 * ({@code EC PRIVATE KEY}); encrypted keys are refused, since there is nowhere to keep their
 * password that is safer than the key file's own permissions. Only the JDK's providers are
 * used: BouncyCastle parses, it is not installed as a provider.
 */
final class PemFiles {
    /** Far more than any chain: a file larger than this is not what the setting means. */
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PemFiles() {
    }

    /** The pair in {@code certificate} and {@code privateKey} (which may be one file holding both). */
    static TlsMaterial read(Path certificate, Path privateKey) throws MaterialException {
        List<X509Certificate> chain = certificates(certificate);
        PrivateKey key = privateKey(privateKey);
        checkPair(key, chain.get(0), certificate, privateKey);
        return new TlsMaterial(key, chain);
    }

    /** Every certificate in the file, in order; anything else in it (a key, parameters) is passed over. */
    static List<X509Certificate> certificates(Path file) throws MaterialException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object object : objects(file, "certificate file")) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new MaterialException("certificate file " + file + ": certificate " + (chain.size() + 1)
                            + " is not valid X.509: " + e.getMessage(), e);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new MaterialException("certificate file " + file
                    + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    /** The one private key in the file; certificates in it are passed over. */
    static PrivateKey privateKey(Path file) throws MaterialException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        PrivateKey key = null;
        for (Object object : objects(file, "private key file")) {
            if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
                throw new MaterialException("private key file " + file + " is encrypted, which is not supported:"
                        + " store it unencrypted (openssl pkey -in encrypted.key -out " + file.getFileName()
                        + ") and readable by the server's user only");
            }
            PrivateKey found;
            try {
                if (object instanceof PrivateKeyInfo info) {
                    found = converter.getPrivateKey(info);
                } else if (object instanceof PEMKeyPair pair) {
                    // Only the private part: SEC1 keys written without their optional public key are common.
                    found = converter.getPrivateKey(pair.getPrivateKeyInfo());
                } else {
                    continue;
                }
            } catch (IOException e) {
                throw new MaterialException("private key file " + file + ": the key cannot be decoded: "
                        + e.getMessage(), e);
            }
            if (key != null) {
                throw new MaterialException("private key file " + file + " holds more than one private key");
            }
            key = found;
        }
        if (key == null) {
            throw new MaterialException("private key file " + file + " holds no PEM private key"
                    + " (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
        }
        return key;
    }

    /**
     * Proves that {@code key} is the private half of the certificate's public key by signing a
     * random challenge and verifying it: works alike for RSA, EC and EdDSA.
     */
    static void checkPair(PrivateKey key, X509Certificate certificate, Path certificateFile, Path keyFile)
            throws MaterialException {
        PublicKey publicKey = certificate.getPublicKey();
        String mismatch = "private key file " + keyFile + " does not belong to the certificate in " + certificateFile
                + " (" + certificate.getSubjectX500Principal().getName() + ")";
        String algorithm = signatureAlgorithm(key.getAlgorithm());
        if (algorithm == null) {
            throw new MaterialException("private key file " + keyFile + ": " + key.getAlgorithm()
                    + " keys are not supported (RSA, EC, EdDSA)");
        }
        if (!algorithm.equals(signatureAlgorithm(publicKey.getAlgorithm()))) {
            throw new MaterialException(mismatch + ": a " + key.getAlgorithm() + " key for a "
                    + publicKey.getAlgorithm() + " certificate");
        }
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            throw new MaterialException(mismatch + ": " + e.getMessage(), e);
        }
        throw new MaterialException(mismatch);
    }

    private static String signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> null;
        };
    }

    private static List<Object> objects(Path file, String what) throws MaterialException {
        List<Object> objects = new ArrayList<>();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new MaterialException(what + " " + file + " is larger than 1 MiB: not a PEM file");
            }
            // ISO-8859-1: PEM is ASCII, and text around the blocks (openssl's "Bag Attributes") must not fail decoding.
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
                 PEMParser parser = new PEMParser(reader)) {
                for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                    objects.add(object);
                }
            }
        } catch (NoSuchFileException e) {
            throw new MaterialException(what + " " + file + " does not exist", e);
        } catch (IOException | RuntimeException e) {
            // PEMParser reports malformed blocks as IOException subclasses, and some as runtime exceptions.
            throw new MaterialException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
        return objects;
    }
}
