package io.tributary.transports.tls.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Keys, certificates and PEM files made in the test, in the forms operators bring: RSA as
 * PKCS#1 or PKCS#8, EC as SEC1 (with the parameters block openssl writes before it).
 */
final class TestPki {
    private TestPki() {
    }

    enum KeyForm {
        /** {@code -----BEGIN RSA PRIVATE KEY-----} or {@code -----BEGIN EC PRIVATE KEY-----}: OpenSSL's traditional form. */
        TRADITIONAL,
        /** {@code -----BEGIN PRIVATE KEY-----}. */
        PKCS8
    }

    static KeyPair rsa() {
        return pair("RSA", null);
    }

    static KeyPair ec() {
        return pair("EC", "secp256r1");
    }

    private static KeyPair pair(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** A certificate for {@code subject}'s public key, signed by {@code issuerKey} (self-signed when it is the subject's). */
    static X509Certificate certificate(String subjectName, KeyPair subject, String issuerName, PrivateKey issuerKey,
                                       boolean ca, Instant notAfter) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuerName),
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))), Date.from(notAfter),
                    new X500Name(subjectName), subject.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (!ca) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
            String signature = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signature).build(issuerKey)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static X509Certificate selfSigned(String subjectName, KeyPair pair) {
        return certificate(subjectName, pair, subjectName, pair.getPrivate(), false,
                Instant.now().plus(Duration.ofDays(30)));
    }

    static String pem(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return text.toString();
    }

    static String keyPem(PrivateKey key, KeyForm form) {
        try {
            if (form == KeyForm.PKCS8) {
                return pem(new JcaPKCS8Generator(key, null));
            }
            return key instanceof ECPrivateKey ec ? pem(sec1(ec)) : pem(key);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * An EC key as {@code openssl ecparam -genkey} writes it: SEC1 with the named curve in it.
     * (BouncyCastle's writer leaves the curve out of a JDK key, which nothing can read back.)
     */
    private static PemObject sec1(ECPrivateKey key) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
            ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
            org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
                    key.getParams().getOrder().bitLength(), key.getS(), curve);
            return new PemObject("EC PRIVATE KEY", sec1.getEncoded());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes a file with a modification time that differs from any earlier one, as a real edit minutes later would. */
    static void write(Path file, String text, Instant modified) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    /** Writes a pair as PEM files: {@code certificate} holds the chain, {@code key} the key in {@code form}. */
    static void writePair(Path certificate, Path key, KeyPair pair, List<X509Certificate> chain, KeyForm form,
                          Instant modified) throws IOException {
        write(certificate, pem(chain.toArray()), modified);
        write(key, keyPem(pair.getPrivate(), form), modified);
    }
}
