package io.tributary.auth.httphook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.auth.Decision;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DecisionCacheTest {
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void anAnswerIsKeptForItsTimeAndNoLonger() {
        DecisionCache cache = new DecisionCache(Duration.ofSeconds(30), 100, nanos::get);
        cache.put("k", Decision.PERMIT);
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertEquals(Optional.of(Decision.PERMIT), cache.get("k"));
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(Optional.empty(), cache.get("k"));
    }

    @Test
    void atMostTheConfiguredNumberOfAnswersIsKept() {
        DecisionCache cache = new DecisionCache(Duration.ofSeconds(30), 100, nanos::get);
        for (int i = 0; i < 5000; i++) {
            cache.put(DecisionCache.key(("request " + i).getBytes(StandardCharsets.UTF_8)), Decision.DENY);
        }
        assertTrue(cache.size() <= 100, "kept " + cache.size());
    }

    @Test
    void zeroSecondsOrZeroEntriesKeepNothing() {
        for (DecisionCache cache : new DecisionCache[] {new DecisionCache(Duration.ZERO, 100, nanos::get),
                new DecisionCache(Duration.ofSeconds(30), 0, nanos::get)}) {
            cache.put("k", Decision.PERMIT);
            assertEquals(Optional.empty(), cache.get("k"));
            assertEquals(0, cache.size());
        }
    }

    @Test
    void theKeyIsTheBodysSha256AndHoldsNoneOfItsText() {
        byte[] body = "{\"user\":\"bob\",\"password\":\"s3cret\"}".getBytes(StandardCharsets.UTF_8);
        String key = DecisionCache.key(body);
        assertTrue(key.matches("[0-9a-f]{64}"), key);
        assertFalse(key.contains("s3cret"));
        assertEquals(key, DecisionCache.key(body.clone()));
        body[body.length - 3] ^= 1;
        assertNotEquals(key, DecisionCache.key(body));
    }

    @Test
    void abstainingIsNotAnAnswerToKeep() {
        DecisionCache cache = new DecisionCache(Duration.ofSeconds(30), 100, nanos::get);
        assertThrows(IllegalArgumentException.class, () -> cache.put("k", Decision.ABSTAIN));
    }
}
