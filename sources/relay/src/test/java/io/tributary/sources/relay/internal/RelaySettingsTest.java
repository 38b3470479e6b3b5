package io.tributary.sources.relay.internal;

import static io.tributary.sources.relay.internal.TestConfigs.config;
import static io.tributary.sources.relay.internal.TestConfigs.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.client.Credentials;
import io.tributary.client.RtspClientOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelaySettingsTest {

    private static Map<String, Object> camera(Object... keyValues) {
        Map<String, Object> values = new HashMap<>(Map.of("path", "/cam1", "source", "rtsp://10.0.0.5/stream1"));
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    @Test
    void aMinimalConfigurationGetsTheDocumentedDefaults() {
        RelaySettings s = settings(camera());
        assertEquals("/cam1", s.path());
        assertEquals("rtsp://10.0.0.5/stream1", s.source().url());
        assertTrue(s.onDemand());
        assertEquals(Duration.ofSeconds(10), s.linger());
        assertEquals(TransportMode.TCP, s.transport());
        assertEquals(Duration.ofSeconds(1), s.reconnectMin());
        assertEquals(Duration.ofSeconds(30), s.reconnectMax());
        assertEquals(Duration.ofSeconds(5), s.connectTimeout());
        assertEquals(Duration.ofSeconds(10), s.responseTimeout());
        assertEquals(Duration.ofSeconds(10), s.noMediaTimeout());
        assertNull(s.credentials());
    }

    @Test
    void everyKeyIsRead() {
        RelaySettings s = settings(camera("onDemand", false, "lingerSeconds", 0, "transport", " Automatic ",
                "user", "admin", "password", "p@ss:word", "reconnectMinSeconds", 2, "reconnectMaxSeconds", 8,
                "connectTimeoutSeconds", 3, "responseTimeoutSeconds", 4, "noMediaTimeoutSeconds", 6));
        assertFalse(s.onDemand());
        assertEquals(Duration.ZERO, s.linger());
        assertEquals(TransportMode.AUTOMATIC, s.transport());
        assertEquals(new Credentials("admin", "p@ss:word"), s.credentials());
        assertEquals(Duration.ofSeconds(2), s.reconnectMin());
        assertEquals(Duration.ofSeconds(8), s.reconnectMax());
        RtspClientOptions options = s.clientOptions();
        assertEquals(Duration.ofSeconds(3), options.connectTimeout());
        assertEquals(Duration.ofSeconds(4), options.responseTimeout());
        assertEquals(Duration.ofSeconds(6), options.mediaTimeout());
        assertEquals(s.credentials(), options.credentials());
        assertEquals(Duration.ofSeconds(8), s.describeDeadline(), "connect + response + 1 s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"publisher", "", "file:///srv/a.mp4", "rtsps://cam/x", "http://cam/x"})
    void sourcesOtherThanRtspAreLeftToOtherBundles(String source) {
        assertTrue(RelaySettings.of(config(camera("source", source))).isEmpty());
    }

    @Test
    void aConfigurationWithoutSourceIsLeftToOtherBundles() {
        Map<String, Object> values = camera();
        values.remove("source");
        assertTrue(RelaySettings.of(config(values)).isEmpty());
    }

    @Test
    void theSchemeIsMatchedWithoutRegardToCaseAndSurroundingBlanks() {
        assertEquals("RTSP://cam/x", settings(camera("source", "  RTSP://cam/x ")).source().url());
    }

    @Test
    void credentialsInTheUrlNeverShowInTheSettingsOrTheirErrors() {
        RelaySettings s = settings(camera("source", "rtsp://admin:s3cr@t@cam:554/live"));
        assertEquals("rtsp://cam:554/live", s.source().redacted());
        assertTrue(s.source().hasUserInfo());
        assertFalse(s.toString().contains("s3cr"), s.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(camera("source", "rtsp://admin:s3cr@t@/live")));
        assertFalse(e.getMessage().contains("s3cr"), e.getMessage());
    }

    @Test
    void aPasswordFromTheConfigurationNeverShowsInTheSettings() {
        RelaySettings s = settings(camera("user", "admin", "password", "hunter2"));
        assertFalse(s.toString().contains("hunter2"), s.toString());
    }

    @Test
    void aTrailingSlashOfThePathIsDropped() {
        assertEquals("/site/cam1", settings(camera("path", " /site/cam1/ ")).path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "cam1", "/cam 1", "/cam1?x=1", "/cam#1"})
    void unusablePathsAreRefused(String path) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings(camera("path", path)));
        assertTrue(e.getMessage().contains("path"), e.getMessage());
    }

    @Test
    void aMissingPathIsRefused() {
        Map<String, Object> values = camera();
        values.remove("path");
        assertThrows(IllegalArgumentException.class, () -> settings(values));
    }

    @Test
    void unusableValuesAreRefusedByName() {
        assertRefused("transport", camera("transport", "sctp"));
        assertRefused("reconnectMaxSeconds", camera("reconnectMinSeconds", 10, "reconnectMaxSeconds", 5));
        assertRefused("reconnectMinSeconds", camera("reconnectMinSeconds", 0));
        assertRefused("connectTimeoutSeconds", camera("connectTimeoutSeconds", 0));
        assertRefused("responseTimeoutSeconds", camera("responseTimeoutSeconds", -1));
        assertRefused("noMediaTimeoutSeconds", camera("noMediaTimeoutSeconds", 0));
        assertRefused("lingerSeconds", camera("lingerSeconds", -1));
        assertRefused("host", camera("source", "rtsp:///stream"));
    }

    private static void assertRefused(String key, Map<String, Object> values) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings(values));
        assertTrue(e.getMessage().contains(key), "message names " + key + ": " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "TCP", "udp", "automatic", "auto"})
    void transportsAreReadWithoutRegardToCase(String value) {
        TransportMode mode = settings(camera("transport", value)).transport();
        assertEquals(value.toLowerCase().startsWith("auto") ? TransportMode.AUTOMATIC
                : TransportMode.valueOf(value.toUpperCase()), mode);
    }
}
