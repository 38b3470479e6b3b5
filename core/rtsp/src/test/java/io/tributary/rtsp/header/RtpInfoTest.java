package io.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpInfoTest {

    @Test
    void entriesAreFormattedTheWayRfc2326ClientsParse() {
        assertEquals("url=rtsp://h/p/trackID=0;seq=123;rtptime=456,url=rtsp://h/p/trackID=1;seq=9",
                RtpInfo.format(List.of(new RtpInfo("rtsp://h/p/trackID=0", 123, 456L),
                        new RtpInfo("rtsp://h/p/trackID=1", 9, null))));
    }

    @Test
    void formattedEntriesParseBackEvenWithQueriesInUrls() {
        List<RtpInfo> entries = List.of(new RtpInfo("rtsp://h/p?user=a;b,c/trackID=0", 65535, 4294967295L),
                new RtpInfo("rtsp://h/p/trackID=1?x=1", 0, 0L));
        assertEquals(entries, RtpInfo.parse(RtpInfo.format(entries)));
    }

    @Test
    void rtsp2QuotedUrlsAndSsrcAreRead() {
        assertEquals(List.of(new RtpInfo("rtsp://h/p/trackID=0", 1, 2L, 0x0A13C760L),
                        new RtpInfo("rtsp://h/p/trackID=1", null, 3L)),
                RtpInfo.parse("url=\"rtsp://h/p/trackID=0\" ssrc=0A13C760:seq=1;rtptime=2,"
                        + " url=\"rtsp://h/p/trackID=1\";ssrc=1;rtptime=3"));
    }

    @Test
    void rtsp2FormQuotesUrlsAndNamesTheSsrc() {
        List<RtpInfo> entries = List.of(new RtpInfo("rtsp://h/p?a=1,2;b/trackID=0", 45102, 12345678L, 0x0A13C760L),
                new RtpInfo("rtsp://h/p/trackID=1", 7, null, 1L));
        String formatted = RtpInfo.format2(entries);
        assertEquals("url=\"rtsp://h/p?a=1,2;b/trackID=0\" ssrc=0A13C760:seq=45102;rtptime=12345678, "
                + "url=\"rtsp://h/p/trackID=1\" ssrc=00000001:seq=7", formatted);
        assertEquals(entries, RtpInfo.parse(formatted));
    }

    @Test
    void badValuesAre400() {
        for (String bad : List.of("", "seq=1", "url=;seq=1", "url=rtsp://h;seq=70000", "url=rtsp://h;rtptime=-1",
                "url=\"rtsp://h;seq=1", "url=\"rtsp://h\" ssrc=xyz:seq=1", "url=\"rtsp://h\" ssrc=123456789:seq=1")) {
            assertEquals(RtspStatus.BAD_REQUEST, assertThrows(RtspException.class, () -> RtpInfo.parse(bad)).status(), bad);
        }
    }
}
