package io.tributary.engine.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlayRateTest {
    @Test
    void theNearestSupportedScaleKeepsTheDirectionAndPrefersTheFasterOfTwo() {
        assertEquals(2, PlayRate.nearest(2.4));
        assertEquals(4, PlayRate.nearest(3));
        assertEquals(8, PlayRate.nearest(100));
        assertEquals(1, PlayRate.nearest(0.1));
        assertEquals(-1, PlayRate.nearest(-0.2));
        assertEquals(-4, PlayRate.nearest(-3));
        assertEquals(-4, PlayRate.nearest(-64));
    }

    @Test
    void scalesAreListedForMediaProperties() {
        assertEquals("Scales=\"-4, -2, -1, 1, 2, 4, 8\"", PlayRate.scalesProperty());
    }

    @Test
    void livePathsTakeOnlyRatesThatHoldOne() {
        assertEquals(456, status("2", null, false));
        assertEquals(456, status(null, "2", false));
        assertEquals(1, PlayRate.of(null, "0.5-2", false).speed());
        assertEquals(8, PlayRate.of(null, "2-16", true).speed());
        assertEquals(456, status(null, "9-10", true));
        assertEquals(400, status("0", null, true));
        assertEquals(400, status("1e3", null, true));
        assertEquals(400, status(null, "2-1", true));
    }

    /** Any header values: a served rate within what files and live paths take, or 400/456. */
    @FuzzTest(maxDuration = "1m")
    void anyScaleAndSpeedIsServedWithinLimitsOrRefused(FuzzedDataProvider data) {
        boolean file = data.consumeBoolean();
        String scale = data.consumeBoolean() ? data.consumeString(24) : null;
        String speed = data.consumeBoolean() ? data.consumeRemainingAsString() : null;
        PlayRate rate;
        try {
            rate = PlayRate.of(scale, speed, file);
        } catch (RtspException e) {
            assertTrue(Set.of(RtspStatus.BAD_REQUEST, RtspStatus.HEADER_FIELD_NOT_VALID).contains(e.status()), e.getMessage());
            return;
        }
        assertTrue(java.util.Arrays.stream(PlayRate.SCALES).anyMatch(s -> s == rate.scale()), "scale " + rate.scale());
        assertTrue(rate.speed() > 0 && rate.speed() <= (file ? PlayRate.MAX_SPEED : 1), "speed " + rate.speed());
        assertTrue(file || rate.scale() == 1);
    }

    private static int status(String scale, String speed, boolean file) {
        try {
            PlayRate.of(scale, speed, file);
            return 200;
        } catch (RtspException e) {
            return e.status().code();
        }
    }
}
