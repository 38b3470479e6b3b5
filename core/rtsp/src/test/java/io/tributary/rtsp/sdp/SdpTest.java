package io.tributary.rtsp.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdpTest {

    /** What ffmpeg 5.1 writes for an H.264 + AAC stream. */
    static final String FFMPEG = """
            v=0
            o=- 0 0 IN IP4 127.0.0.1
            s=No Name
            c=IN IP4 127.0.0.1
            t=0 0
            a=tool:libavformat 59.27.100
            m=video 0 RTP/AVP 96
            b=AS:2000
            a=rtpmap:96 H264/90000
            a=fmtp:96 packetization-mode=1; sprop-parameter-sets=Z2QAH6zZQFAFuhAAAAMAEAAAAwPA8YMZYA==,aOvjyyLA; profile-level-id=64001F
            a=control:streamid=0
            m=audio 0 RTP/AVP 97
            b=AS:128
            a=rtpmap:97 MPEG4-GENERIC/44100/2
            a=fmtp:97 profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3; config=121056E500
            a=control:streamid=1
            """.replace("\n", "\r\n");

    /** A Hikvision-style camera: LF only, trailing spaces, e=, absolute control URLs, metadata track. */
    static final String CAMERA = "v=0\n"
            + "o=- 1700000000000000 1700000000000000 IN IP4 192.168.1.64\n"
            + "s=Media Presentation \n"
            + "e=NONE\n"
            + "b=AS:5050\n"
            + "t=0 0\n"
            + "a=control:rtsp://192.168.1.64:554/Streaming/Channels/101/?transportmode=unicast\n"
            + "m=video 0 RTP/AVP 96\n"
            + "c=IN IP4 0.0.0.0\n"
            + "b=AS:5000\n"
            + "a=recvonly\n"
            + "a=x-dimensions:1920,1080\n"
            + "a=control:rtsp://192.168.1.64:554/Streaming/Channels/101/trackID=1?transportmode=unicast\n"
            + "a=rtpmap:96 H264/90000\n"
            + "a=fmtp:96 profile-level-id=420029; packetization-mode=1; sprop-parameter-sets=Z01AKI2NQDwBE/LCAAAOEAACvyAI,aO44gA==\n"
            + "m=application 0 RTP/AVP 107\n"
            + "c=IN IP4 0.0.0.0\n"
            + "b=AS:50\n"
            + "a=recvonly\n"
            + "a=control:rtsp://192.168.1.64:554/Streaming/Channels/101/trackID=3?transportmode=unicast\n"
            + "a=rtpmap:107 isapi-metadata/90000\n"
            + "a=Media_header:MEDIAINFO=494D4B48010300000400000100000000000000000000000000000000000000000000000000000000;\n"
            + "a=appversion:1.0\n"
            + "\n";

    private static RtspException error(String sdp) {
        return assertThrows(RtspException.class, () -> SdpParser.parse(sdp));
    }

    @Test
    void ffmpegSdpParsesWithCodecParameters() {
        SessionDescription sd = SdpParser.parse(FFMPEG);
        assertEquals(new Origin("-", "0", "0", "IN", "IP4", "127.0.0.1"), sd.origin());
        assertEquals("No Name", sd.sessionName());
        assertEquals(Connection.of("127.0.0.1"), sd.connection());
        assertEquals(2, sd.media().size());
        SdpMedia video = sd.media().get(0);
        assertEquals("video", video.type());
        assertEquals(List.of("96"), video.formats());
        assertEquals(List.of(new Bandwidth("AS", 2000)), video.bandwidths());
        assertEquals(new RtpMap(96, "H264", 90000, null), video.rtpmap(96));
        assertTrue(video.fmtp(96).startsWith("packetization-mode=1; sprop-parameter-sets="));
        assertEquals("streamid=0", video.control());
        SdpMedia audio = sd.media().get(1);
        assertEquals(new RtpMap(97, "MPEG4-GENERIC", 44100, 2), audio.rtpmap(97));
        assertNull(audio.rtpmap(96));
        assertNull(audio.fmtp(96));
    }

    @Test
    void cameraSdpWithLfEndsAndTrailingSpacesParses() {
        SessionDescription sd = SdpParser.parse(CAMERA);
        assertEquals("Media Presentation", sd.sessionName());
        assertEquals(List.of("NONE"), sd.emails());
        assertEquals("1700000000000000", sd.origin().sessionId());
        assertEquals("rtsp://192.168.1.64:554/Streaming/Channels/101/?transportmode=unicast", sd.control());
        SdpMedia video = sd.media().getFirst();
        assertEquals(new Attribute("recvonly", null), video.attribute("recvonly"));
        assertEquals("1920,1080", video.attribute("x-dimensions").value());
        assertEquals(Connection.of("0.0.0.0"), video.connection());
        assertEquals("isapi-metadata", sd.media().get(1).rtpmap(107).encoding());
    }

    @Test
    void writerUsesCrlfAndRfcFieldOrder() {
        SessionDescription sd = new SessionDescription(0, new Origin("-", "1", "1", "IN", "IP4", "10.0.0.1"), "demo",
                null, "http://example.com/", List.of("ops@example.com"), List.of(), Connection.of("0.0.0.0"),
                List.of(new Bandwidth("AS", 600)), List.of(Timing.unbounded()), null, null,
                List.of(new Attribute("control", "*"), new Attribute("range", "npt=now-")),
                List.of(SdpMedia.of("video", "RTP/AVP", List.of("96"), List.of(
                        new RtpMap(96, "H264", 90000, null).toAttribute(),
                        new Attribute("fmtp", "96 packetization-mode=1"),
                        new Attribute("control", "trackID=0")))));
        assertEquals("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=demo\r\nu=http://example.com/\r\ne=ops@example.com\r\n"
                + "c=IN IP4 0.0.0.0\r\nb=AS:600\r\nt=0 0\r\na=control:*\r\na=range:npt=now-\r\n"
                + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=fmtp:96 packetization-mode=1\r\n"
                + "a=control:trackID=0\r\n", SdpWriter.write(sd));
    }

    @Test
    void writeThenParseGivesTheSameDescription() {
        for (String sdp : List.of(FFMPEG, CAMERA)) {
            SessionDescription sd = SdpParser.parse(sdp);
            assertEquals(sd, SdpParser.parse(SdpWriter.write(sd)));
        }
        assertEquals(FFMPEG, SdpWriter.write(SdpParser.parse(FFMPEG)));
    }

    @Test
    void missingSessionNameIsWrittenAsASpaceAndMissingTimingAsZeroZero() {
        SessionDescription sd = SdpParser.parse("v=0\r\nm=video 0 RTP/AVP 96\r\n");
        assertEquals("v=0\r\ns= \r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\n", SdpWriter.write(sd));
    }

    @Test
    void valuesCannotAddLinesWhenWritten() {
        SessionDescription sd = new SessionDescription(0, null, "a\r\na=injected", null, null, List.of(), List.of(), List.of());
        assertEquals("v=0\r\ns=a  a=injected\r\nt=0 0\r\n", SdpWriter.write(sd));
    }

    @Test
    void structuralErrorsAre400NamingTheLine() {
        assertEquals("SDP line 1: SDP must start with v=0", error("o=- 0 0 IN IP4 h\r\nv=0\r\n").getMessage());
        assertEquals("SDP line 3: 'o=' not allowed in a media section",
                error("v=0\nm=video 0 RTP/AVP 96\no=- 0 0 IN IP4 h\n").getMessage());
        assertEquals("SDP line 2: bad m= port", error("v=0\nm=video x RTP/AVP 96\n").getMessage());
        assertEquals("SDP line 2: not a <type>=<value> line", error("v=0\nhello\n").getMessage());
        assertEquals("SDP line 3: field repeated", error("v=0\ns=a\ns=b\n").getMessage());
        assertEquals("SDP line 2: o= needs 6 fields", error("v=0\no=- 0 0\n").getMessage());
        assertEquals("SDP line 2: t= needs two numbers", error("v=0\nt=now\n").getMessage());
        assertEquals(RtspStatus.BAD_REQUEST, error("").status());
        assertEquals(RtspStatus.BAD_REQUEST, error("v=1\n").status());
    }

    @Test
    void unknownTypeLettersAreSkipped() {
        assertEquals(List.of(), SdpParser.parse("v=0\nx=whatever\ns=x\n").attributes());
    }
}
