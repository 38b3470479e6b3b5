package io.tributary.transports.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transports.tls.internal.TestPki.KeyForm;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {
    private static final Instant NOW = Instant.now();
    /** Only to encrypt keys in the test (the JDK lacks OpenSSL's key derivation); never installed. */
    private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();
    @TempDir
    Path dir;

    private Path certificate() {
        return dir.resolve("server.crt");
    }

    private Path key() {
        return dir.resolve("server.key");
    }

    private TlsMaterial loadPair(KeyPair pair, KeyForm form, String expectedHeader) throws Exception {
        X509Certificate certificate = TestPki.selfSigned("CN=rtsp.example.com", pair);
        TestPki.writePair(certificate(), key(), pair, List.of(certificate), form, NOW);
        assertTrue(Files.readString(key()).startsWith(expectedHeader), Files.readString(key()));
        TlsMaterial material = PemFiles.read(certificate(), key());
        assertEquals(certificate, material.certificate());
        assertEquals(pair.getPrivate().getAlgorithm(), material.key().getAlgorithm());
        return material;
    }

    @Test
    void rsaKeyInPkcs1Loads() throws Exception {
        loadPair(TestPki.rsa(), KeyForm.TRADITIONAL, "-----BEGIN RSA PRIVATE KEY-----");
    }

    @Test
    void rsaKeyInPkcs8Loads() throws Exception {
        loadPair(TestPki.rsa(), KeyForm.PKCS8, "-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void ecKeyInSec1Loads() throws Exception {
        loadPair(TestPki.ec(), KeyForm.TRADITIONAL, "-----BEGIN EC PRIVATE KEY-----");
    }

    @Test
    void ecKeyInPkcs8Loads() throws Exception {
        loadPair(TestPki.ec(), KeyForm.PKCS8, "-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void ecKeyAfterTheParametersBlockOfOpensslEcparamLoads() throws Exception {
        KeyPair pair = TestPki.ec();
        X509Certificate certificate = TestPki.selfSigned("CN=cam", pair);
        TestPki.write(certificate(), TestPki.pem(certificate), NOW);
        TestPki.write(key(), "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                + TestPki.keyPem(pair.getPrivate(), KeyForm.TRADITIONAL), NOW);
        assertEquals(certificate, PemFiles.read(certificate(), key()).certificate());
    }

    @Test
    void chainKeepsTheServerCertificateFirstAndItsIssuerAfter() throws Exception {
        KeyPair ca = TestPki.ec();
        KeyPair server = TestPki.rsa();
        X509Certificate caCertificate = TestPki.certificate("CN=Test CA", ca, "CN=Test CA", ca.getPrivate(), true,
                NOW.plus(Duration.ofDays(90)));
        X509Certificate serverCertificate = TestPki.certificate("CN=rtsp.example.com", server, "CN=Test CA",
                ca.getPrivate(), false, NOW.plus(Duration.ofDays(30)));
        TestPki.writePair(certificate(), key(), server, List.of(serverCertificate, caCertificate), KeyForm.PKCS8, NOW);
        assertEquals(List.of(serverCertificate, caCertificate), PemFiles.read(certificate(), key()).chain());
    }

    @Test
    void oneFileMayHoldKeyAndCertificate() throws Exception {
        KeyPair pair = TestPki.ec();
        X509Certificate certificate = TestPki.selfSigned("CN=both", pair);
        Path both = dir.resolve("both.pem");
        TestPki.write(both, TestPki.keyPem(pair.getPrivate(), KeyForm.PKCS8) + TestPki.pem(certificate), NOW);
        assertEquals(certificate, PemFiles.read(both, both).certificate());
    }

    @Test
    void keyOfAnotherCertificateIsRefusedNamingBothFiles() throws Exception {
        KeyPair pair = TestPki.rsa();
        TestPki.writePair(certificate(), key(), TestPki.rsa(), List.of(TestPki.selfSigned("CN=other", pair)),
                KeyForm.PKCS8, NOW);
        MaterialException refused = assertThrows(MaterialException.class, () -> PemFiles.read(certificate(), key()));
        assertTrue(refused.getMessage().startsWith("private key file " + key() + " does not belong to the certificate in "
                + certificate()), refused.getMessage());
    }

    @Test
    void keyOfAnotherAlgorithmIsRefused() throws Exception {
        TestPki.writePair(certificate(), key(), TestPki.ec(), List.of(TestPki.selfSigned("CN=rsa", TestPki.rsa())),
                KeyForm.TRADITIONAL, NOW);
        MaterialException refused = assertThrows(MaterialException.class, () -> PemFiles.read(certificate(), key()));
        assertTrue(refused.getMessage().contains("does not belong") && refused.getMessage().contains("a EC key for a RSA"),
                refused.getMessage());
    }

    @Test
    void ecKeyOfAnotherEcCertificateIsRefused() throws Exception {
        TestPki.writePair(certificate(), key(), TestPki.ec(), List.of(TestPki.selfSigned("CN=ec", TestPki.ec())),
                KeyForm.TRADITIONAL, NOW);
        MaterialException refused = assertThrows(MaterialException.class, () -> PemFiles.read(certificate(), key()));
        assertTrue(refused.getMessage().contains("does not belong"), refused.getMessage());
    }

    @Test
    void encryptedPkcs8KeyIsRefusedWithHowToDecryptIt() throws Exception {
        KeyPair pair = TestPki.rsa();
        TestPki.write(certificate(), TestPki.pem(TestPki.selfSigned("CN=x", pair)), NOW);
        TestPki.write(key(), TestPki.pem(new JcaPKCS8Generator(pair.getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(BOUNCY_CASTLE)
                        .setPassword("secret".toCharArray()).build())), NOW);
        assertTrue(Files.readString(key()).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        MaterialException refused = assertThrows(MaterialException.class, () -> PemFiles.read(certificate(), key()));
        assertTrue(refused.getMessage().startsWith("private key file " + key() + " is encrypted"), refused.getMessage());
        assertTrue(refused.getMessage().contains("openssl pkey"), refused.getMessage());
    }

    @Test
    void legacyEncryptedKeyIsRefused() throws Exception {
        KeyPair pair = TestPki.rsa();
        TestPki.write(certificate(), TestPki.pem(TestPki.selfSigned("CN=x", pair)), NOW);
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(pair.getPrivate(), new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BOUNCY_CASTLE)
                    .build("secret".toCharArray()));
        }
        TestPki.write(key(), text.toString(), NOW);
        assertTrue(text.toString().contains("Proc-Type: 4,ENCRYPTED"));
        MaterialException refused = assertThrows(MaterialException.class, () -> PemFiles.read(certificate(), key()));
        assertTrue(refused.getMessage().contains("is encrypted"), refused.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        MaterialException refused = assertThrows(MaterialException.class, () -> PemFiles.read(certificate(), key()));
        assertEquals("certificate file " + certificate() + " does not exist", refused.getMessage());
    }

    @Test
    void fileWithoutCertificateIsNamed() throws Exception {
        TestPki.write(certificate(), "not a certificate\n", NOW);
        MaterialException refused = assertThrows(MaterialException.class, () -> PemFiles.certificates(certificate()));
        assertTrue(refused.getMessage().startsWith("certificate file " + certificate() + " holds no PEM certificate"),
                refused.getMessage());
    }

    @Test
    void damagedCertificateIsNamed() throws Exception {
        TestPki.write(certificate(), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", NOW);
        MaterialException refused = assertThrows(MaterialException.class, () -> PemFiles.certificates(certificate()));
        assertTrue(refused.getMessage().contains(certificate().toString()), refused.getMessage());
    }

    @Test
    void keyFileWithoutKeyAndWithTwoKeysAreRefused() throws Exception {
        KeyPair pair = TestPki.ec();
        TestPki.write(key(), TestPki.pem(TestPki.selfSigned("CN=x", pair)), NOW);
        assertTrue(assertThrows(MaterialException.class, () -> PemFiles.privateKey(key())).getMessage()
                .contains("holds no PEM private key"));
        TestPki.write(key(), TestPki.keyPem(pair.getPrivate(), KeyForm.PKCS8)
                + TestPki.keyPem(TestPki.ec().getPrivate(), KeyForm.PKCS8), NOW);
        assertTrue(assertThrows(MaterialException.class, () -> PemFiles.privateKey(key())).getMessage()
                .contains("holds more than one private key"));
    }

    @Test
    void materialNeverPrintsItsKey() throws Exception {
        TlsMaterial material = loadPair(TestPki.rsa(), KeyForm.PKCS8, "-----BEGIN PRIVATE KEY-----");
        String privateExponent = ((RSAPrivateKey) material.key()).getPrivateExponent().toString(16);
        String printed = material.toString();
        assertTrue(printed.startsWith("CN=rtsp.example.com (SHA-256 "), printed);
        assertFalse(printed.toLowerCase().contains(privateExponent.substring(0, 16)), printed);
    }
}
