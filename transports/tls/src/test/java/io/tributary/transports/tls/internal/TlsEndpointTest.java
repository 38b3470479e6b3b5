package io.tributary.transports.tls.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import io.tributary.api.transport.ConnectionInfo;
import io.tributary.api.transport.ControlLayer;
import io.tributary.transports.tls.internal.TestPki.KeyForm;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsEndpointTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String HOST = "test-host.example";

    @TempDir
    Path etc;
    private final Recorder publication = new Recorder();
    private final List<TlsEndpoint> endpoints = new ArrayList<>();

    /** What the endpoint published and withdrew. */
    static final class Recorder implements TlsEndpoint.Publication {
        final List<TlsListener> published = new ArrayList<>();
        int withdrawn;

        @Override
        public synchronized void publish(TlsListener listener) {
            published.add(listener);
        }

        @Override
        public synchronized void withdraw() {
            withdrawn++;
        }
    }

    @AfterEach
    void closeAll() {
        endpoints.forEach(TlsEndpoint::close);
    }

    private Path certificateFile() {
        return etc.resolve("tls/server.crt");
    }

    private Path keyFile() {
        return etc.resolve("tls/server.key");
    }

    private TlsSettings settings(boolean selfSigned, Duration reload) {
        return new TlsSettings(322, true, certificateFile(), keyFile(), selfSigned,
                List.of("rtsp.example.com", "192.0.2.7"), EngineKind.JDK, List.of("TLSv1.3", "TLSv1.2"), reload);
    }

    private TlsEndpoint start(boolean selfSigned, Duration reload) {
        TlsEndpoint endpoint = new TlsEndpoint(settings(selfSigned, reload), SslProvider.JDK, publication, CLOCK,
                () -> HOST);
        endpoints.add(endpoint);
        endpoint.start();
        return endpoint;
    }

    private TlsEndpoint start() {
        return start(true, Duration.ZERO);
    }

    private static SSLEngine accept(TlsListener listener) {
        ControlLayer layer = listener.accept(new ConnectionInfo(new InetSocketAddress("127.0.0.1", 50000),
                new InetSocketAddress("127.0.0.1", 322), false));
        return ((ControlLayer.Tls) layer).engine();
    }

    private X509Certificate generated() throws MaterialException {
        return PemFiles.certificates(certificateFile()).get(0);
    }

    @Test
    void firstStartMakesADevelopmentCertificateWithAnOwnerOnlyKeyAndPublishesIt() throws Exception {
        start();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(certificateFile())));
        try (Stream<Path> files = Files.list(etc.resolve("tls"))) {
            assertEquals(List.of("server.crt", "server.key"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary file is left");
        }
        assertTrue(Files.readString(keyFile()).startsWith("-----BEGIN PRIVATE KEY-----"));
        TlsMaterial material = PemFiles.read(certificateFile(), keyFile());
        assertEquals(1, publication.published.size());
        assertEquals(material.certificate(), EngineLoop.servedCertificate(accept(publication.published.get(0)),
                material.certificate()));
    }

    @Test
    void developmentCertificateNamesTheLocalAddressesThisHostAndTheConfiguredNames() throws Exception {
        start();
        List<List<Object>> names = generated().getSubjectAlternativeNames().stream().map(n -> List.<Object>copyOf(n)).toList();
        int dns = 2;
        int ip = 7;
        assertEquals(List.of(List.of(dns, "localhost"), List.of(ip, "127.0.0.1"), List.of(ip, "0:0:0:0:0:0:0:1"),
                List.of(dns, HOST), List.of(dns, "rtsp.example.com"), List.of(ip, "192.0.2.7")), names);
    }

    @Test
    void developmentCertificateIsAnEcP256ServerCertificateForOneYear() throws Exception {
        start();
        X509Certificate certificate = generated();
        assertEquals("CN=Tributary development certificate", certificate.getSubjectX500Principal().getName());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals(3, certificate.getVersion());
        assertEquals(NOW.minus(Duration.ofHours(1)), certificate.getNotBefore().toInstant());
        assertEquals(NOW.plus(Duration.ofDays(365)), certificate.getNotAfter().toInstant());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), certificate.getExtendedKeyUsage(), "serverAuth");
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
        assertEquals("SHA256withECDSA", certificate.getSigAlgName());
        assertEquals(256, ((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize());
        certificate.verify(certificate.getPublicKey());
    }

    @Test
    void fingerprintIsTheSha256OfTheCertificateInUppercaseHexPairsJoinedByColons() throws Exception {
        start();
        X509Certificate certificate = generated();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        StringBuilder expected = new StringBuilder();
        for (byte b : digest) {
            expected.append(expected.isEmpty() ? "" : ":").append(String.format("%02X", b & 0xFF));
        }
        String fingerprint = TlsMaterial.fingerprint(certificate);
        assertEquals(expected.toString(), fingerprint);
        assertTrue(fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), fingerprint);
    }

    @Test
    void secondStartReusesTheFiles() throws Exception {
        start().close();
        byte[] certificate = Files.readAllBytes(certificateFile());
        byte[] key = Files.readAllBytes(keyFile());
        FileTime modified = Files.getLastModifiedTime(keyFile());
        start();
        assertArrayEquals(certificate, Files.readAllBytes(certificateFile()));
        assertArrayEquals(key, Files.readAllBytes(keyFile()));
        assertEquals(modified, Files.getLastModifiedTime(keyFile()));
        assertEquals(2, publication.published.size());
        X509Certificate served = EngineLoop.servedCertificate(accept(publication.published.get(1)), generated());
        assertEquals(generated(), served);
    }

    @Test
    void withoutSelfSignedMissingFilesKeepRtspsOffUntilAGoodPairAppears() throws Exception {
        TlsEndpoint endpoint = start(false, Duration.ZERO);
        assertFalse(Files.exists(certificateFile()));
        assertNull(endpoint.listener());
        KeyPair pair = TestPki.rsa();
        X509Certificate certificate = TestPki.selfSigned("CN=rtsp.example.com", pair);
        TestPki.writePair(certificateFile(), keyFile(), pair, List.of(certificate), KeyForm.TRADITIONAL, NOW);
        endpoint.check();
        assertNull(endpoint.listener(), "a change is read once the files held still for one check");
        endpoint.check();
        assertNotNull(endpoint.listener());
        assertEquals(List.of(endpoint.listener()), publication.published);
        assertEquals(certificate, EngineLoop.servedCertificate(accept(endpoint.listener()), certificate));
    }

    @Test
    void oneMissingFileIsNotReplacedByADevelopmentCertificate() throws Exception {
        KeyPair pair = TestPki.ec();
        TestPki.write(certificateFile(), TestPki.pem(TestPki.selfSigned("CN=mine", pair)), NOW);
        byte[] mine = Files.readAllBytes(certificateFile());
        TlsEndpoint endpoint = start();
        assertNull(endpoint.listener());
        assertTrue(publication.published.isEmpty());
        assertFalse(Files.exists(keyFile()));
        assertArrayEquals(mine, Files.readAllBytes(certificateFile()));
    }

    @Test
    void aChangedPairServesNewConnectionsWhileOpenOnesKeepTheirs() throws Exception {
        TlsEndpoint endpoint = start();
        TlsListener listener = endpoint.listener();
        X509Certificate first = generated();
        SSLEngine open = accept(listener);
        SslContext before = listener.context();

        KeyPair pair = TestPki.rsa();
        X509Certificate renewed = TestPki.selfSigned("CN=rtsp.example.com", pair);
        TestPki.writePair(certificateFile(), keyFile(), pair, List.of(renewed), KeyForm.PKCS8,
                NOW.plus(Duration.ofDays(60)));
        endpoint.check();
        assertSame(before, listener.context(), "not read while it may still be being written");
        endpoint.check();
        assertFalse(before == listener.context());

        assertEquals(renewed, EngineLoop.servedCertificate(accept(listener), first, renewed));
        assertEquals(first, EngineLoop.servedCertificate(open, first, renewed));
        assertEquals(List.of(listener), publication.published, "swapped in place, not published again");
    }

    @Test
    void unchangedFilesAreNotReadAgain() {
        TlsEndpoint endpoint = start();
        SslContext context = endpoint.listener().context();
        for (int i = 0; i < 3; i++) {
            endpoint.check();
        }
        assertSame(context, endpoint.listener().context());
    }

    @Test
    void aBadNewPairKeepsTheCurrentOneUntilAGoodOneComes() throws Exception {
        TlsEndpoint endpoint = start();
        TlsListener listener = endpoint.listener();
        X509Certificate first = generated();
        SslContext before = listener.context();

        KeyPair certified = TestPki.ec();
        X509Certificate other = TestPki.selfSigned("CN=other", certified);
        TestPki.writePair(certificateFile(), keyFile(), TestPki.ec(), List.of(other), KeyForm.PKCS8,
                NOW.plus(Duration.ofDays(1)));
        endpoint.check();
        endpoint.check();
        endpoint.check();
        assertSame(before, listener.context());
        assertEquals(first, EngineLoop.servedCertificate(accept(listener), first));

        TestPki.write(keyFile(), TestPki.keyPem(certified.getPrivate(), KeyForm.PKCS8), NOW.plus(Duration.ofDays(2)));
        endpoint.check();
        endpoint.check();
        assertEquals(other, EngineLoop.servedCertificate(accept(listener), first, other));
    }

    @Test
    void closeWithdrawsTheListenerAndStopsTheChecker() throws Exception {
        TlsEndpoint endpoint = start(true, Duration.ofMillis(20));
        assertTrue(checkerThreads() > 0);
        Thread.sleep(60); // let the checker run a few times: it must still stop
        endpoint.close();
        // the executor has terminated; its thread may take a moment more to end
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (checkerThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, checkerThreads());
        assertEquals(1, publication.withdrawn);
        assertNull(endpoint.listener());
        endpoint.close();
        assertEquals(1, publication.withdrawn, "closing twice withdraws once");
    }

    private static long checkerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("tributary-tls-reload") && t.isAlive()).count();
    }
}
