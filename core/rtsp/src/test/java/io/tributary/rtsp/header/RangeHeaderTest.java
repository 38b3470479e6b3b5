package io.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeHeaderTest {

    private static RtspStatus statusOf(String value) {
        return assertThrows(RtspException.class, () -> RangeHeader.parse(value)).status();
    }

    @Test
    void nptFormsClientsSendParse() {
        assertEquals(NptRange.from(0), RangeHeader.parse("npt=0.000-"));
        assertEquals(NptRange.from(0), RangeHeader.parse("npt=0-"));
        assertEquals(NptRange.from(5), RangeHeader.parse("npt=5-"));
        assertEquals(new NptRange(5.5, 10.0), RangeHeader.parse("npt=5.5-10"));
        assertEquals(NptRange.now(), RangeHeader.parse("npt=now-"));
        assertEquals(NptRange.from(3723.5), RangeHeader.parse("npt=1:02:03.5-"));
        assertEquals(new NptRange(12.0, null), RangeHeader.parse(" NPT = 12. - "));
    }

    @Test
    void clockRangeParsesToInstants() {
        assertEquals(new ClockRange(Instant.parse("2026-11-24T10:15:00Z"), Instant.parse("2026-11-24T11:15:00.5Z")),
                RangeHeader.parse("clock=20261124T101500Z-20261124T111500.5Z"));
        assertEquals(new ClockRange(Instant.parse("2026-11-24T10:15:00Z"), null),
                RangeHeader.parse("clock=20261124T101500Z-;time=20261124T101400Z"));
    }

    @Test
    void smpteAndUnknownUnitsAre457() {
        for (String v : List.of("smpte=10:07:00-10:07:33:05.01", "smpte-25=0:0:0-", "frames=1-2")) {
            assertEquals(RtspStatus.INVALID_RANGE, statusOf(v), v);
        }
    }

    @Test
    void openStartAndBackwardsRangesAre457() {
        assertEquals(RtspStatus.INVALID_RANGE, statusOf("npt=-10"));
        assertEquals(RtspStatus.INVALID_RANGE, statusOf("npt=10-5"));
        assertEquals(RtspStatus.INVALID_RANGE, statusOf("clock=20261124T111500Z-20261124T101500Z"));
    }

    @Test
    void malformedValuesAre400() {
        for (String v : List.of("", "npt", "npt=5", "npt=abc-", "npt=1:60:00-", "npt=1:2-", "npt=.5-", "npt=5-now",
                "clock=2026-11-24T10:15:00Z-", "clock=20261324T101500Z-", "clock=20261124T101500-")) {
            assertEquals(RtspStatus.BAD_REQUEST, statusOf(v), v);
        }
    }

    @Test
    void formatUsesMillisecondsAndTheRfcClockForm() {
        assertEquals("npt=5.000-", RangeHeader.format(NptRange.from(5)));
        assertEquals("npt=0.000-12.345", RangeHeader.format(new NptRange(0.0, 12.345)));
        assertEquals("npt=now-", RangeHeader.format(NptRange.now()));
        assertEquals("clock=20261124T101500Z-20261124T111500.5Z", RangeHeader.format(
                new ClockRange(Instant.parse("2026-11-24T10:15:00Z"), Instant.parse("2026-11-24T11:15:00.500Z"))));
        assertEquals("clock=20261124T101500Z-", RangeHeader.format(new ClockRange(Instant.parse("2026-11-24T10:15:00Z"), null)));
    }

    @Test
    void formattedRangesParseBack() {
        for (PlayRange r : List.of(NptRange.from(1.25), new NptRange(0.0, 3600.0), NptRange.now(),
                new ClockRange(Instant.parse("2026-11-24T10:15:00.123456789Z"), null))) {
            assertEquals(r, RangeHeader.parse(RangeHeader.format(r)));
        }
    }
}
