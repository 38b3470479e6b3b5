package io.tributary.transports.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.testing.Configs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlsSettingsTest {
    private static final Path ETC = Path.of("/srv/tributary/etc");

    private static TlsSettings settings(Map<String, Object> overrides) {
        return TlsSettings.of(Configs.of(TlsConfig.class, overrides), ETC);
    }

    @Test
    void defaultsAreRtspsPortSharedDevelopmentCertificateAndTls13Then12() {
        TlsSettings settings = settings(Map.of());
        assertEquals(322, settings.port());
        assertTrue(settings.shared());
        assertEquals(ETC.resolve("tls/server.crt"), settings.certificate());
        assertEquals(ETC.resolve("tls/server.key"), settings.privateKey());
        assertTrue(settings.selfSigned());
        assertEquals(List.of(), settings.hostnames());
        assertEquals(EngineKind.AUTO, settings.engine());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), settings.protocols());
        assertEquals(Duration.ofSeconds(5), settings.reload());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.1", "TLSv1", "SSLv3", "SSLv2Hello", "tlsv1.1"})
    void protocolsOlderThanTls12AreRefusedNotDropped(String old) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("protocols", new String[] {"TLSv1.3", old})));
        assertTrue(refused.getMessage().contains(old + " is older than TLSv1.2"), refused.getMessage());
    }

    @Test
    void unknownProtocolIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("protocols", new String[] {"TLSv1.4"})));
        assertTrue(refused.getMessage().contains("unknown protocol \"TLSv1.4\""), refused.getMessage());
    }

    @Test
    void noProtocolIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("protocols", new String[] {" , "})));
    }

    @Test
    void protocolsGivenAsOneCommaSeparatedValueAreSplitAndNamedAsTheEnginesKnowThem() {
        assertEquals(List.of("TLSv1.2", "TLSv1.3"),
                settings(Map.of("protocols", new String[] {"tlsv1.2, TLSv1.3, TLSv1.2"})).protocols());
    }

    @Test
    void absoluteFilesStayAsGiven() {
        TlsSettings settings = settings(Map.of("certificate", "/etc/letsencrypt/live/x/fullchain.pem",
                "privateKey", "/etc/letsencrypt/live/x/privkey.pem"));
        assertEquals(Path.of("/etc/letsencrypt/live/x/fullchain.pem"), settings.certificate());
        assertEquals(Path.of("/etc/letsencrypt/live/x/privkey.pem"), settings.privateKey());
    }

    @Test
    void configurationFolderIsEtcElseHomeEtcElseWorkingDirectory() {
        assertEquals(Path.of("/a/etc2"), TlsSettings.configurationFolder("/a/etc2", "/a"));
        assertEquals(Path.of("/a/etc"), TlsSettings.configurationFolder(null, "/a"));
        assertEquals(Path.of("").toAbsolutePath(), TlsSettings.configurationFolder(null, null));
    }

    @Test
    void hostnamesTakeDnsNamesAndAddressesOnce() {
        assertEquals(List.of("rtsp.example.com", "*.cams.example.com", "192.0.2.7", "2001:db8::1"),
                settings(Map.of("hostnames", new String[] {"rtsp.example.com, *.cams.example.com",
                    "192.0.2.7", "[2001:db8::1]", "rtsp.example.com"})).hostnames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad_name.example.com", "-x.example.com", "http://x", "a..b"})
    void hostnameThatIsNeitherNameNorAddressIsRefused(String name) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("hostnames", new String[] {name})));
        assertTrue(refused.getMessage().contains(name), refused.getMessage());
    }

    @Test
    void engineNamesAreReadWhateverTheirCase() {
        assertEquals(EngineKind.OPENSSL, settings(Map.of("engine", "OpenSSL")).engine());
        assertEquals(EngineKind.JDK, settings(Map.of("engine", " jdk ")).engine());
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("engine", "conscrypt")));
    }

    @Test
    void portsOutsideTheRangeAndNegativeReloadAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("port", 65536)));
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("port", -1)));
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("reloadSeconds", -5)));
        assertTrue(settings(Map.of("reloadSeconds", 0)).reload().isZero());
        assertEquals(0, settings(Map.of("port", 0)).port());
    }
}
