package io.tributary.transports.tls.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A self-signed certificate so that RTSPS works out of the box on a development machine:
 * EC P-256, valid for a year, for serverAuth, naming this machine. It is no CA (browsers and
 * players refuse a CA certificate as a server's own), so clients trust it by pinning it.
 * The key is written readable by the owner only, through a temporary file, so that no other
 * user and no reader of a half-written file ever sees it.
 */
final class DevelopmentCertificate {
    static final String SUBJECT = "CN=Tributary development certificate";
    static final Duration VALIDITY = Duration.ofDays(365);
    /** Back-dated a little so that a client whose clock is slightly behind does not find it not yet valid. */
    static final Duration BACKDATE = Duration.ofHours(1);
    static final List<String> LOCAL_NAMES = List.of("localhost", "127.0.0.1", "::1");
    private static final Set<PosixFilePermission> KEY_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> CERTIFICATE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DevelopmentCertificate() {
    }

    /**
     * The names a development certificate is for: the local ones, the machine's host name
     * (when known) and the configured extra names, each once.
     */
    static List<String> names(String hostName, List<String> extra) {
        List<String> names = new ArrayList<>(LOCAL_NAMES);
        if (hostName != null && !hostName.isBlank()) {
            names.add(hostName);
        }
        names.addAll(extra);
        return names.stream().distinct().toList();
    }

    /** Makes a key and a certificate for {@code names} valid from {@code now}, and writes them as PEM. */
    static TlsMaterial create(Path certificateFile, Path keyFile, List<String> names, Instant now)
            throws MaterialException {
        TlsMaterial material = generate(names, now);
        try {
            write(keyFile, pem("PRIVATE KEY", material.key().getEncoded()), KEY_PERMISSIONS);
            write(certificateFile, pem("CERTIFICATE", material.certificate().getEncoded()), CERTIFICATE_PERMISSIONS);
        } catch (IOException e) {
            throw new MaterialException("cannot write the development certificate to " + certificateFile + " and "
                    + keyFile + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode a certificate just made", e);
        }
        return material;
    }

    static TlsMaterial generate(List<String> names, Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name(SUBJECT);
            // 127 random bits, positive: unique enough that no client confuses two of them.
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, RANDOM),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(names))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new TlsMaterial(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            // P-256 and SHA256withECDSA are in every JDK: failing here is a broken runtime, not bad input.
            throw new IllegalStateException("cannot make a development certificate", e);
        }
    }

    private static GeneralNames subjectAlternativeNames(List<String> names) {
        return new GeneralNames(names.stream()
                .map(name -> new GeneralName(IPAddress.isValid(name) ? GeneralName.iPAddress : GeneralName.dNSName, name))
                .toArray(GeneralName[]::new));
    }

    private static String pem(String type, byte[] der) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    /**
     * Writes {@code text} to {@code target} atomically: into a temporary file beside it that
     * already has its final permissions, flushed to disk, then renamed over the target.
     */
    private static void write(Path target, String text, Set<PosixFilePermission> permissions) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        String prefix = "." + target.getFileName() + ".";
        Path temporary = posix
                ? Files.createTempFile(folder, prefix, ".tmp", PosixFilePermissions.asFileAttribute(KEY_PERMISSIONS))
                : Files.createTempFile(folder, prefix, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(temporary, permissions);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
