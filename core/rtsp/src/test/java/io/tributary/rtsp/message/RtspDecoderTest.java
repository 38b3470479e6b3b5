package io.tributary.rtsp.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtspDecoderTest {

    private static List<Decoded> decode(String input) {
        return new Feeder().feed(input).out;
    }

    private static RtspRequest request(Decoded d) {
        return assertInstanceOf(Decoded.Request.class, d).request();
    }

    private static Decoded.Malformed malformed(Decoded d) {
        return assertInstanceOf(Decoded.Malformed.class, d);
    }

    private static List<String> methods(List<Decoded> decoded) {
        return decoded.stream().map(d -> request(d).method()).toList();
    }

    @Test
    void ffmpegSetupIsDecodedWithAllItsHeaders() {
        RtspRequest r = request(decode("SETUP rtsp://127.0.0.1:8554/demo/trackID=0 RTSP/1.0\r\n"
                + "Transport: RTP/AVP/UDP;unicast;client_port=31530-31531\r\nCSeq: 3\r\n"
                + "User-Agent: Lavf59.27.100\r\n\r\n").getFirst());
        assertEquals("SETUP", r.method());
        assertEquals("rtsp://127.0.0.1:8554/demo/trackID=0", r.uri());
        assertEquals(RtspVersion.RTSP_1_0, r.version());
        assertEquals(3, r.cseq());
        assertEquals("RTP/AVP/UDP;unicast;client_port=31530-31531", r.header("transport"));
        assertEquals("Lavf59.27.100", r.header("User-Agent"));
        assertEquals(List.of("Transport", "CSeq", "User-Agent"), r.headers().names());
        assertEquals(0, r.body().length);
    }

    @Test
    void pipelinedRequestsInOneBufferAreDecodedInOrder() {
        Feeder f = new Feeder().feed(ClientRequests.FFMPEG);
        assertEquals(List.of("OPTIONS", "DESCRIBE", "SETUP", "SETUP", "PLAY"), methods(f.out));
        assertEquals(List.of(1, 2, 3, 4, 5), f.out.stream().map(d -> request(d).cseq()).toList());
        assertEquals(0, f.pending.length);
    }

    @Test
    void everyClientsRequestsDecodeTheSameWhenSplitIntoOneByteBuffers() {
        for (String session : List.of(ClientRequests.FFMPEG, ClientRequests.GSTREAMER, ClientRequests.VLC,
                ClientRequests.OPENRTSP_TCP, ClientRequests.FFMPEG_ANNOUNCE)) {
            byte[] bytes = session.getBytes(StandardCharsets.UTF_8);
            List<String> whole = Feeder.render(new Feeder().feed(bytes).out);
            for (int size : new int[] {1, 2, 3, 7, 64}) {
                assertEquals(whole, Feeder.render(new Feeder().feedInChunks(bytes, size).out), "chunks of " + size);
            }
            assertTrue(whole.stream().allMatch(s -> !s.startsWith("Malformed")), whole::toString);
        }
    }

    @Test
    void gstreamerTransportListAndExtensionHeadersArriveAsSent() {
        List<Decoded> out = decode(ClientRequests.GSTREAMER);
        assertEquals(List.of("OPTIONS", "DESCRIBE", "SETUP", "PLAY"), methods(out));
        assertEquals("RTP/AVP;unicast;client_port=50000-50001;ssrc=1A2B3C4D,RTP/AVP/TCP;unicast;interleaved=0-1",
                request(out.get(2)).header("Transport"));
        RtspRequest play = request(out.get(3));
        assertEquals("1", play.header("X-Dynamic-Rate"));
        assertEquals("npt=0-", play.header("Range"));
        assertEquals("GStreamer/1.22.0", play.header("user-agent"));
    }

    @Test
    void vlcLive555RequestsIncludingKeepAliveAreDecoded() {
        List<Decoded> out = decode(ClientRequests.VLC);
        assertEquals(List.of("OPTIONS", "DESCRIBE", "SETUP", "PLAY", "GET_PARAMETER"), methods(out));
        assertEquals("application/sdp", request(out.get(1)).header("Accept"));
        assertEquals(ClientRequests.VLC_UA, request(out.get(1)).header("User-Agent"));
        assertEquals("npt=0.000-", request(out.get(3)).header("Range"));
        assertEquals(6, request(out.get(4)).cseq());
    }

    @Test
    void announceBodyIsReadByContentLength() {
        RtspRequest r = request(decode(ClientRequests.FFMPEG_ANNOUNCE + ClientRequests.FFMPEG).getFirst());
        assertEquals("ANNOUNCE", r.method());
        assertEquals(ClientRequests.SDP, new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(6, decode(ClientRequests.FFMPEG_ANNOUNCE + ClientRequests.FFMPEG).size());
    }

    @Test
    void incompleteBodyIsLeftUnconsumedUntilItArrives() {
        String head = ClientRequests.FFMPEG_ANNOUNCE.substring(0, ClientRequests.FFMPEG_ANNOUNCE.length() - 10);
        Feeder f = new Feeder().feed(head);
        assertTrue(f.out.isEmpty());
        assertEquals(ClientRequests.SDP.length() - 10, f.pending.length);
        f.feed(ClientRequests.FFMPEG_ANNOUNCE.substring(head.length()));
        assertEquals(1, f.out.size());
        assertEquals(0, f.pending.length);
    }

    @Test
    void interleavedFramesBetweenRequestsAreSlicesOfTheInput() {
        byte[] rtcp = {(byte) 0x81, (byte) 201, 0, 1, 1, 2, 3, 4};
        byte[] input = concat(
                ClientRequests.OPENRTSP_TCP.getBytes(StandardCharsets.US_ASCII),
                frame(1, rtcp),
                "GET_PARAMETER rtsp://h/demo RTSP/1.0\r\nCSeq: 5\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                frame(0, new byte[0]));
        ByteBuffer in = ByteBuffer.wrap(input);
        List<Decoded> out = new java.util.ArrayList<>();
        new RtspDecoder().decode(in, out::add);
        assertEquals(5, out.size());
        Decoded.Interleaved frame = assertInstanceOf(Decoded.Interleaved.class, out.get(2));
        assertEquals(1, frame.channel());
        assertSame(input, frame.payload().array(), "payload is a slice, not a copy");
        byte[] payload = new byte[frame.payload().remaining()];
        frame.payload().get(payload);
        assertArrayEquals(rtcp, payload);
        assertEquals("GET_PARAMETER", request(out.get(3)).method());
        assertEquals(0, assertInstanceOf(Decoded.Interleaved.class, out.get(4)).payload().remaining());
        assertFalse(in.hasRemaining());
    }

    @Test
    void incompleteInterleavedFrameIsNotConsumed() {
        byte[] f = frame(2, new byte[100]);
        ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(f, 50));
        List<Decoded> out = new java.util.ArrayList<>();
        RtspDecoder decoder = new RtspDecoder();
        decoder.decode(in, out::add);
        assertTrue(out.isEmpty());
        assertEquals(0, in.position());
        decoder.decode(ByteBuffer.wrap(f), out::add);
        assertEquals(100, assertInstanceOf(Decoded.Interleaved.class, out.getFirst()).payload().remaining());
    }

    @Test
    void bareLfLineEndsAndBlankLinesBetweenMessagesAreAccepted() {
        List<Decoded> out = decode("\r\n\nOPTIONS * RTSP/1.0\nCSeq: 1\n\n\r\nOPTIONS * RTSP/2.0\r\nCSeq: 2\n\r\n");
        assertEquals(2, out.size());
        assertEquals("*", request(out.get(0)).uri());
        assertEquals(RtspVersion.RTSP_2_0, request(out.get(1)).version());
    }

    @Test
    void continuationLinesAreJoinedToThePreviousValue() {
        RtspRequest r = request(decode("SETUP rtsp://h/a RTSP/1.0\r\nCSeq: 3\r\n"
                + "Transport: RTP/AVP;unicast;\r\n  client_port=5000-5001\r\n\r\n").getFirst());
        assertEquals("RTP/AVP;unicast; client_port=5000-5001", r.header("Transport"));
    }

    @Test
    void aMissingCseqIsAnsweredInTheVersionOfTheRequest() {
        List<Decoded> out = decode("OPTIONS * RTSP/2.0\r\nUser-Agent: x\r\n\r\nOPTIONS * RTSP/1.0\r\n\r\n");
        assertEquals(RtspVersion.RTSP_2_0, ((Decoded.Malformed) out.get(0)).answerVersion());
        assertEquals(RtspVersion.RTSP_1_0, ((Decoded.Malformed) out.get(1)).answerVersion());
        Decoded.Malformed unsupported = (Decoded.Malformed) decode("OPTIONS * RTSP/3.0\r\nCSeq: 1\r\n\r\n").get(0);
        assertEquals(RtspVersion.RTSP_1_0, unsupported.answerVersion(), "505 in a version the server speaks");
    }

    @Test
    void unsupportedVersionGives505WithCseqAndTheNextRequestStillDecodes() {
        List<Decoded> out = decode("OPTIONS * RTSP/3.0\r\nCSeq: 7\r\nContent-Length: 3\r\n\r\nabc"
                + "OPTIONS * RTSP/1.0\r\nCSeq: 8\r\n\r\n");
        Decoded.Malformed m = malformed(out.get(0));
        assertEquals(RtspStatus.VERSION_NOT_SUPPORTED, m.status());
        assertEquals(7, m.cseq());
        assertFalse(m.fatal());
        assertEquals(8, request(out.get(1)).cseq());
    }

    @Test
    void httpRequestLineIsAnUnsupportedVersion() {
        Decoded.Malformed m = malformed(decode("GET / HTTP/1.1\r\nHost: x\r\n\r\n").getFirst());
        assertEquals(RtspStatus.VERSION_NOT_SUPPORTED, m.status());
        assertNull(m.cseq());
    }

    @Test
    void missingCseqGives400AndTheConnectionGoesOn() {
        List<Decoded> out = decode("OPTIONS * RTSP/1.0\r\nUser-Agent: x\r\n\r\nOPTIONS * RTSP/1.0\r\nCSeq: 2\r\n\r\n");
        Decoded.Malformed m = malformed(out.get(0));
        assertEquals(RtspStatus.BAD_REQUEST, m.status());
        assertEquals("missing CSeq", m.reason());
        assertFalse(m.fatal());
        assertEquals(2, request(out.get(1)).cseq());
    }

    @Test
    void nonNumericCseqGives400() {
        Decoded.Malformed m = malformed(decode("OPTIONS * RTSP/1.0\r\nCSeq: one\r\n\r\n").getFirst());
        assertEquals(RtspStatus.BAD_REQUEST, m.status());
        assertNull(m.cseq());
    }

    @Test
    void headerLineWithoutColonGives400WithCseqAfterTheWholeMessage() {
        List<Decoded> out = decode("OPTIONS * RTSP/1.0\r\nCSeq: 4\r\nno colon here\r\n\r\nOPTIONS * RTSP/1.0\r\nCSeq: 5\r\n\r\n");
        Decoded.Malformed m = malformed(out.get(0));
        assertEquals(4, m.cseq());
        assertFalse(m.fatal());
        assertEquals(5, request(out.get(1)).cseq());
    }

    @Test
    void bareCrInsideAValueIsRejectedNotTreatedAsALineEnd() {
        Decoded.Malformed m = malformed(decode("OPTIONS * RTSP/1.0\r\nCSeq: 4\r\nX: a\rInjected: 1\r\n\r\n").getFirst());
        assertEquals(RtspStatus.BAD_REQUEST, m.status());
        assertEquals(4, m.cseq());
    }

    @Test
    void garbageLineGetsOne400ThenTheDecoderResyncsOnTheNextRequest() {
        List<Decoded> out = decode("hello there\r\nmore junk\r\n"
                + "OPTIONS rtsp://h/a RTSP/1.0\r\nCSeq: 9\r\n\r\n");
        assertEquals(2, out.size());
        Decoded.Malformed m = malformed(out.get(0));
        assertEquals(RtspStatus.BAD_REQUEST, m.status());
        assertFalse(m.fatal());
        assertEquals(9, request(out.get(1)).cseq());
    }

    @Test
    void garbageAfterABlankLineIsAnsweredAgain() {
        List<Decoded> out = decode("junk\r\n\r\njunk\r\n");
        assertEquals(2, out.size());
        out.forEach(d -> assertFalse(malformed(d).fatal()));
    }

    @Test
    void binaryJunkWithoutNewlineWithinTheLineLimitIsFatal400() {
        byte[] junk = new byte[9000];
        Arrays.fill(junk, (byte) 0xAB);
        Feeder f = new Feeder().feedInChunks(junk, 1000);
        Decoded.Malformed m = malformed(f.out.getFirst());
        assertEquals(RtspStatus.BAD_REQUEST, m.status());
        assertTrue(m.fatal());
        assertEquals(1, f.out.size());
        assertEquals(0, f.pending.length);
    }

    @Test
    void requestLineOverTheLimitIsFatal414() {
        String uri = "rtsp://h/" + "a".repeat(8200);
        Decoded.Malformed m = malformed(decode("DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 1\r\n\r\n").getFirst());
        assertEquals(RtspStatus.REQUEST_URI_TOO_LONG, m.status());
        assertTrue(m.fatal());
        // the same when the line arrives in pieces and is never terminated
        Feeder f = new Feeder().feedInChunks(("DESCRIBE " + uri).getBytes(StandardCharsets.US_ASCII), 100);
        assertEquals(RtspStatus.REQUEST_URI_TOO_LONG, malformed(f.out.getFirst()).status());
    }

    @Test
    void requestLineExactlyAtTheLimitIsAccepted() {
        String start = "DESCRIBE rtsp://h/";
        String line = start + "a".repeat(8192 - start.length() - " RTSP/1.0".length()) + " RTSP/1.0";
        assertEquals(8192, line.length());
        Feeder f = new Feeder().feedInChunks((line + "\r\nCSeq: 1\r\n\r\n").getBytes(StandardCharsets.US_ASCII), 1);
        assertEquals("DESCRIBE", request(f.out.getFirst()).method());
    }

    @Test
    void headerLineOverTheLimitIsFatal431WithTheCseqSeenSoFar() {
        Decoded.Malformed m = malformed(decode("OPTIONS * RTSP/1.0\r\nCSeq: 3\r\nX: " + "v".repeat(9000) + "\r\n\r\n")
                .getFirst());
        assertEquals(RtspStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, m.status());
        assertEquals(3, m.cseq());
        assertTrue(m.fatal());
    }

    @Test
    void tooManyHeadersIsFatal431() {
        StringBuilder sb = new StringBuilder("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n");
        for (int i = 0; i < 64; i++) {
            sb.append("X-").append(i).append(": 1\r\n");
        }
        List<Decoded> out = decode(sb.append("\r\n").toString());
        assertEquals(RtspStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, malformed(out.getFirst()).status());
        assertEquals(1, out.size());
    }

    @Test
    void headerBlockOverTheLimitIsFatal431() {
        RtspDecoder decoder = new RtspDecoder(new RtspDecoder.Limits(8192, 8192, 64, 1024, 65536));
        String many = "X-Filler: " + "f".repeat(90) + "\r\n";
        Feeder f = new Feeder(decoder).feed("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n" + many.repeat(11) + "\r\n");
        Decoded.Malformed m = malformed(f.out.getFirst());
        assertEquals(RtspStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, m.status());
        assertTrue(m.fatal());
    }

    @Test
    void bodyOverTheLimitIsFatal413BeforeTheBodyArrives() {
        Decoded.Malformed m = malformed(decode("ANNOUNCE rtsp://h/a RTSP/1.0\r\nCSeq: 2\r\n"
                + "Content-Length: 65537\r\n\r\n").getFirst());
        assertEquals(RtspStatus.REQUEST_ENTITY_TOO_LARGE, m.status());
        assertEquals(2, m.cseq());
        assertTrue(m.fatal());
        assertEquals(RtspStatus.REQUEST_ENTITY_TOO_LARGE, malformed(decode("ANNOUNCE rtsp://h/a RTSP/1.0\r\nCSeq: 2\r\n"
                + "Content-Length: 99999999999999999999999\r\n\r\n").getFirst()).status());
    }

    @Test
    void unreadableOrConflictingContentLengthIsFatal400() {
        for (String lengths : List.of("Content-Length: -1\r\n", "Content-Length: 1e3\r\n",
                "Content-Length: 3\r\nContent-Length: 4\r\n")) {
            Decoded.Malformed m = malformed(decode("ANNOUNCE rtsp://h/a RTSP/1.0\r\nCSeq: 2\r\n" + lengths + "\r\n")
                    .getFirst());
            assertEquals(RtspStatus.BAD_REQUEST, m.status(), lengths);
            assertTrue(m.fatal());
        }
    }

    @Test
    void afterAFatalErrorAllInputIsDiscarded() {
        Feeder f = new Feeder().feed("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: x\r\n\r\n");
        f.feed("OPTIONS * RTSP/1.0\r\nCSeq: 2\r\n\r\n");
        assertEquals(1, f.out.size());
        assertEquals(0, f.pending.length);
    }

    @Test
    void bodyOfAMalformedRequestIsSkipped() {
        List<Decoded> out = decode("ANNOUNCE rtsp://h/a RTSP/1.0\r\nContent-Length: 5\r\n\r\nOPTIO"
                + "OPTIONS * RTSP/1.0\r\nCSeq: 2\r\n\r\n");
        assertEquals(2, out.size());
        assertEquals("missing CSeq", malformed(out.get(0)).reason());
        assertEquals(2, request(out.get(1)).cseq());
    }

    @Test
    void responsesAreDecodedForTheClientSide() {
        List<Decoded> out = decode("RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE\r\n\r\n"
                + "RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\nWWW-Authenticate: Basic realm=\"x\"\r\n"
                + "WWW-Authenticate: Digest realm=\"x\"\r\n\r\n"
                + "RTSP/1.0 200 OK\r\nCSeq: 3\r\nContent-Length: 4\r\n\r\nv=0\n");
        RtspResponse ok = assertInstanceOf(Decoded.Response.class, out.get(0)).response();
        assertEquals(200, ok.code());
        assertEquals("OK", ok.reason());
        assertEquals(RtspStatus.OK, ok.status());
        RtspResponse unauthorized = assertInstanceOf(Decoded.Response.class, out.get(1)).response();
        assertEquals(2, unauthorized.headers().getAll("www-authenticate").size());
        assertEquals("v=0\n", new String(assertInstanceOf(Decoded.Response.class, out.get(2)).response().body(),
                StandardCharsets.US_ASCII));
    }

    @Test
    void nonAsciiHeaderValuesAreReadAsUtf8() {
        assertEquals("Kamera Küche", request(decode("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nX-Name: Kamera Küche\r\n\r\n")
                .getFirst()).header("X-Name"));
    }

    static byte[] frame(int channel, byte[] payload) {
        byte[] f = new byte[4 + payload.length];
        f[0] = '$';
        f[1] = (byte) channel;
        f[2] = (byte) (payload.length >> 8);
        f[3] = (byte) payload.length;
        System.arraycopy(payload, 0, f, 4, payload.length);
        return f;
    }

    static byte[] concat(byte[]... parts) {
        byte[] all = new byte[0];
        for (byte[] p : parts) {
            int at = all.length;
            all = Arrays.copyOf(all, at + p.length);
            System.arraycopy(p, 0, all, at, p.length);
        }
        return all;
    }
}
