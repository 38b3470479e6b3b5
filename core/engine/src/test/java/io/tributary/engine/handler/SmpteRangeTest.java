package io.tributary.engine.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.rtsp.header.NptRange;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SMPTE ranges (RFC 2326 §3.5): 29.97 drop-frame by default, 25 fps, and back to time code. */
class SmpteRangeTest {
    private static RtspStatus statusOf(String value) {
        return assertThrows(RtspException.class, () -> SmpteRange.parse(value)).status();
    }

    @Test
    void theRfcsExamplesParse() {
        SmpteRange open = SmpteRange.parse("smpte=10:12:33:20-");
        assertEquals("smpte", open.unit());
        assertNull(open.end());
        SmpteRange closed = SmpteRange.parse("smpte=10:07:00-10:07:33:05.01");
        assertTrue(closed.end() > closed.start());
        assertEquals((33 * 30 + 5.01 - 2) * 1001 / 30000, closed.end() - closed.start(), 1e-9,
                "from 10:07:00, which drop-frame numbers 10:07:00:02, to 33 s and 5.01 frames of time code on");
        SmpteRange pal = SmpteRange.parse("smpte-25=10:07:00-10:07:33:05.01");
        assertEquals(10 * 3600 + 7 * 60, pal.start(), 1e-9);
        assertEquals(10 * 3600 + 7 * 60 + 33 + 5.01 / 25, pal.end(), 1e-9);
        assertEquals(10 * 3600 + 7 * 60 + 33, SmpteRange.parse("smpte-30-drop=10:07:33-").start(), 0.1,
                "drop-frame time code keeps to the wall clock within a few frames");
    }

    @Test
    void dropFrameSkipsTwoFrameNumbersAMinuteButEveryTenth() {
        assertEquals(1800 * 1001 / 30000.0, SmpteRange.parse("smpte=0:01:00:02-").start(), 1e-9,
                "the first frame of minute 1 is numbered 02; it is frame 1800");
        assertEquals(17982 * 1001 / 30000.0, SmpteRange.parse("smpte=0:10:00:00-").start(), 1e-9,
                "minute 10 keeps 00 and 01");
        assertEquals(SmpteRange.parse("smpte=0:01:00:02-").start(), SmpteRange.parse("smpte=0:01:00:00-").start(),
                1e-9, "a number drop-frame skips is the minute's first frame");
        assertEquals(SmpteRange.parse("smpte=0:02:00:02-").start(), SmpteRange.parse("smpte=0:02:00-").start(), 1e-9);
    }

    @Test
    void theReplySaysWhereItStartsInTheUnitAsked() {
        assertEquals("smpte-25=0:00:05:00-0:00:10:01", SmpteRange.parse("smpte-25=0:00:05:12-")
                .format(new NptRange(5.0, 10.04)));
        assertEquals("smpte=0:00:05:00-", SmpteRange.parse("smpte=0:00:05:03-").format(new NptRange(5.005, null)));
        for (String code : List.of("0:00:00:00", "0:00:59:29", "0:01:00:02", "0:09:59:29", "0:10:00:00",
                "1:23:45:17", "9:59:59:29")) {
            SmpteRange r = SmpteRange.parse("smpte=" + code + "-");
            assertEquals("smpte=" + code + "-", r.format(new NptRange(r.start(), null)), "round trip of " + code);
        }
    }

    @Test
    void badInputIsPrecise() {
        for (String v : List.of("smpte=", "smpte=5-", "smpte=0:0-", "smpte=0:00:60-", "smpte=0:60:00-",
                "smpte=0:00:00:30-", "smpte-25=0:00:00:25-", "smpte=0:00:00.100-", "smpte=0:00:00:00:00-",
                "smpte=a:00:00-", "smpte=0:00:00", "smpte=123:00:00-", "smpte=0:+1:00-")) {
            assertEquals(RtspStatus.BAD_REQUEST, statusOf(v), v);
        }
        assertEquals(RtspStatus.INVALID_RANGE, statusOf("smpte=0:00:10-0:00:05"), "backwards");
        assertEquals(RtspStatus.INVALID_RANGE, statusOf("smpte=-0:00:05"), "no start");
        assertEquals(RtspStatus.INVALID_RANGE, statusOf("smpte-24=0:00:00-"), "an unknown rate");
        assertEquals(RtspStatus.BAD_REQUEST, statusOf("smpte=" + "0".repeat(100)));
    }

    @FuzzTest(maxDuration = "30s")
    void anyRangeIsParsedOrRefusedWithAStatus(byte[] input) {
        String value = new String(input, StandardCharsets.UTF_8);
        SmpteRange range;
        try {
            range = SmpteRange.parse(value);
        } catch (RtspException refused) {
            assertTrue(refused.status() == RtspStatus.BAD_REQUEST || refused.status() == RtspStatus.INVALID_RANGE);
            return;
        }
        assertTrue(range.start() >= 0 && range.start() < 100 * 3600, "within the time code's range");
        assertTrue(range.end() == null || range.end() >= range.start());
        String formatted = range.format(new NptRange(range.start(), range.end()));
        assertTrue(formatted.startsWith(range.unit() + "="), formatted);
    }
}
