package io.tributary.auth.digest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.testing.Configs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration's defaults, and the precise error of a bad one. */
class DigestSettingsTest {
    @Test
    void defaultsChallengeSha256ThenMd5WithBothLifetimesAndLegacyAllowed() {
        DigestSettings settings = DigestSettings.from(Configs.of(DigestConfig.class, Map.of()));
        assertEquals(new DigestSettings("Tributary", List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
                Duration.ofSeconds(300), Duration.ofSeconds(60), true), settings);
        assertEquals(Duration.ofSeconds(300), settings.lifetime(true));
        assertEquals(Duration.ofSeconds(60), settings.lifetime(false));
    }

    @Test
    void algorithmsAreReadInOrderIgnoringCaseAndBlanks() {
        DigestSettings settings = DigestSettings.from(Configs.of(DigestConfig.class,
                Map.of("algorithms", " sha-256-sess ,, md5 ")));
        assertEquals(List.of(DigestAlgorithm.SHA_256_SESS, DigestAlgorithm.MD5), settings.algorithms());
    }

    @Test
    void answersMayUseAnOfferedHashFunctionWithOrWithoutSess() {
        DigestSettings settings = DigestSettings.from(Configs.of(DigestConfig.class, Map.of("algorithms", "SHA-256")));
        assertTrue(settings.accepts(DigestAlgorithm.SHA_256));
        assertTrue(settings.accepts(DigestAlgorithm.SHA_256_SESS));
        assertFalse(settings.accepts(DigestAlgorithm.MD5));
        assertFalse(settings.accepts(DigestAlgorithm.MD5_SESS));
    }

    @Test
    void badConfigurationIsRefusedWithTheReason() {
        assertEquals("unknown Digest algorithm 'SHA-512-256' (known: MD5, SHA-256, MD5-sess, SHA-256-sess)",
                error(Map.of("algorithms", "SHA-256, SHA-512-256")));
        assertEquals("no Digest algorithm configured", error(Map.of("algorithms", " , ")));
        assertEquals("a Digest algorithm is configured twice: [MD5, MD5]", error(Map.of("algorithms", "MD5, md5")));
        assertEquals("nonceLifetimeSeconds must be positive: 0", error(Map.of("nonceLifetimeSeconds", 0)));
        assertEquals("legacyNonceLifetimeSeconds must be positive: -1", error(Map.of("legacyNonceLifetimeSeconds", -1)));
        assertEquals("realm must not contain control characters", error(Map.of("realm", "a\nb")));
    }

    private static String error(Map<String, Object> overrides) {
        return assertThrows(IllegalArgumentException.class,
                () -> DigestSettings.from(Configs.of(DigestConfig.class, overrides))).getMessage();
    }
}
