package io.tributary.transports.httptunnel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.testing.Configs;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TunnelSettingsTest {

    private static TunnelSettings of(Map<String, ?> values) {
        return TunnelSettings.of(Configs.of(HttpTunnelConfig.class, values));
    }

    @Test
    void defaultsAreTheRtspPortOnlyWithTenSecondsToPair() {
        assertEquals(new TunnelSettings(0, true, Duration.ofSeconds(10), 10000, 100), of(Map.of()));
    }

    @Test
    void valuesAreTaken() {
        assertEquals(new TunnelSettings(8088, false, Duration.ofSeconds(3), 50, 5), of(Map.of("port", 8088,
                "shared", false, "pairingTimeoutSeconds", 3, "maxTunnels", 50, "maxTunnelsPerClient", 5)));
    }

    @Test
    void valuesOutOfRangeNameTheirKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> of(Map.of("port", 70000))).getMessage()
                .startsWith("port "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> of(Map.of("pairingTimeoutSeconds", 0)))
                .getMessage().startsWith("pairingTimeoutSeconds "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> of(Map.of("maxTunnels", 0))).getMessage()
                .startsWith("maxTunnels "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> of(Map.of("maxTunnelsPerClient", -1)))
                .getMessage().startsWith("maxTunnelsPerClient "));
    }
}
