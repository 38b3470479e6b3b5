package io.tributary.rtsp.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RtspEncoderTest {

    private static String text(ByteBuffer b) {
        return StandardCharsets.UTF_8.decode(b).toString();
    }

    @Test
    void responseIsWrittenExactlyWithHeadersInOrder() {
        RtspResponse r = RtspResponse.of(RtspVersion.RTSP_1_0, RtspStatus.OK)
                .header("CSeq", "3").header("Session", "abc;timeout=60").header("Server", "Tributary");
        assertEquals("RTSP/1.0 200 OK\r\nCSeq: 3\r\nSession: abc;timeout=60\r\nServer: Tributary\r\n\r\n",
                text(RtspEncoder.encode(r)));
    }

    @Test
    void bodyGetsContentTypeAndItsRealContentLength() {
        byte[] sdp = "v=0\r\n".getBytes(StandardCharsets.US_ASCII);
        RtspResponse r = RtspResponse.of(RtspVersion.RTSP_2_0, RtspStatus.OK).header("CSeq", "2")
                .header("Content-Length", "999").body("application/sdp", sdp);
        assertEquals("RTSP/2.0 200 OK\r\nCSeq: 2\r\nContent-Type: application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n",
                text(RtspEncoder.encode(r)));
    }

    @Test
    void headerValuesCannotInjectHeadersOrEndTheMessage() {
        RtspResponse r = RtspResponse.of(RtspVersion.RTSP_1_0, RtspStatus.NOT_FOUND)
                .header("CSeq", "1\r\nInjected: yes\r\n\r\nRTSP/1.0 200 OK").header("Bad\r\nName", "v");
        String wire = text(RtspEncoder.encode(r));
        assertEquals("RTSP/1.0 404 Not Found\r\nCSeq: 1  Injected: yes    RTSP/1.0 200 OK\r\nBadName: v\r\n\r\n", wire);
        Feeder f = new Feeder().feed(wire);
        assertEquals(1, f.out.size());
    }

    @Test
    void requestIsWrittenAndDecodesBackToTheSameRequest() {
        RtspRequest q = RtspRequest.of("SETUP", "rtsp://h/demo/trackID=0", RtspVersion.RTSP_1_0,
                RtspHeaders.of("CSeq", "3", "Transport", "RTP/AVP;unicast;client_port=5000-5001"));
        ByteBuffer wire = RtspEncoder.encode(q);
        assertEquals("SETUP rtsp://h/demo/trackID=0 RTSP/1.0\r\nCSeq: 3\r\n"
                + "Transport: RTP/AVP;unicast;client_port=5000-5001\r\n\r\n", text(wire.duplicate()));
        Feeder f = new Feeder();
        new RtspDecoder().decode(wire, f.out::add);
        assertEquals(q, assertInstanceOf(Decoded.Request.class, f.out.getFirst()).request());
    }

    @Test
    void uriSpacesAndControlsArePercentEncoded() {
        RtspRequest q = RtspRequest.of("OPTIONS", "rtsp://h/a b\r\n", RtspVersion.RTSP_1_0, RtspHeaders.of("CSeq", "1"));
        assertEquals("OPTIONS rtsp://h/a%20b%0D%0A RTSP/1.0\r\nCSeq: 1\r\n\r\n", text(RtspEncoder.encode(q)));
    }

    @Test
    void responseWithBodyRoundTripsThroughTheDecoder() {
        RtspResponse r = RtspResponse.of(RtspVersion.RTSP_1_0, RtspStatus.OK).header("CSeq", "2")
                .body("text/parameters", "a: 1\r\n".getBytes(StandardCharsets.US_ASCII));
        Feeder f = new Feeder();
        new RtspDecoder().decode(RtspEncoder.encode(r), f.out::add);
        RtspResponse back = assertInstanceOf(Decoded.Response.class, f.out.getFirst()).response();
        assertEquals("text/parameters", back.header("Content-Type"));
        assertEquals("6", back.header("Content-Length"));
        assertEquals("a: 1\r\n", new String(back.body(), StandardCharsets.US_ASCII));
        assertEquals(2, back.cseq());
    }
}
