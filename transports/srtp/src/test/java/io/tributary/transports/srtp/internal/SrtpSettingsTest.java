package io.tributary.transports.srtp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.testing.Configs;
import io.tributary.rtsp.srtp.SrtpProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SrtpSettingsTest {
    @Test
    void theDefaultsAre80BitTagsMikeyOnlySharedKeysAndRtspsOnly() {
        SrtpSettings settings = SrtpSettings.of(Configs.of(SrtpConfig.class, Map.of()));
        assertEquals(SrtpSettings.defaults(), settings);
        assertFalse(settings.perReader("/demo"));
    }

    @Test
    void perReaderKeysMatchWholePaths() {
        SrtpSettings settings = SrtpSettings.of(Configs.of(SrtpConfig.class, Map.of("perReaderKeys", "/private/.*",
                "suite", " AES_CM_128_HMAC_SHA1_32 ")));
        assertTrue(settings.perReader("/private/cam1"));
        assertFalse(settings.perReader("/public/private/cam1"));
        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_32, settings.profile());
    }

    @Test
    void anUnknownSuiteOrABrokenExpressionIsNamed() {
        IllegalArgumentException suite = assertThrows(IllegalArgumentException.class,
                () -> SrtpSettings.of(Configs.of(SrtpConfig.class, Map.of("suite", "AEAD_AES_128_GCM"))));
        assertEquals("suite AEAD_AES_128_GCM is not AES_CM_128_HMAC_SHA1_80 or AES_CM_128_HMAC_SHA1_32",
                suite.getMessage());
        IllegalArgumentException regex = assertThrows(IllegalArgumentException.class,
                () -> SrtpSettings.of(Configs.of(SrtpConfig.class, Map.of("perReaderKeys", "/private/("))));
        assertTrue(regex.getMessage().startsWith("perReaderKeys is not a regular expression"), regex.getMessage());
    }
}
