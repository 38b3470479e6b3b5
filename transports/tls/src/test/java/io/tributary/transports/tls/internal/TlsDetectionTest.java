package io.tributary.transports.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.api.transport.ControlListener.Detection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import org.junit.jupiter.api.Test;

class TlsDetectionTest {

    /** The first flight of a real TLS client: the JDK's ClientHello record. */
    private static ByteBuffer jdkClientHello() throws Exception {
        SSLEngine client = SSLContext.getDefault().createSSLEngine("localhost", 322);
        client.setUseClientMode(true);
        ByteBuffer out = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        SSLEngineResult result = client.wrap(ByteBuffer.allocate(0), out);
        assertEquals(SSLEngineResult.Status.OK, result.getStatus());
        return out.flip().asReadOnlyBuffer();
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();
    }

    @Test
    void clientHelloOfTheJdkIsTls() throws Exception {
        assertEquals(Detection.MATCH, TlsDetection.of(jdkClientHello()));
    }

    @Test
    void twoBytesOfAClientHelloAreEnough() throws Exception {
        ByteBuffer hello = jdkClientHello();
        assertEquals(Detection.MATCH, TlsDetection.of(hello.slice(0, 2)));
    }

    @Test
    void theHandshakeByteAloneNeedsMore() throws Exception {
        assertEquals(Detection.NEED_MORE, TlsDetection.of(jdkClientHello().slice(0, 1)));
    }

    @Test
    void rtspRequestIsNotTls() {
        assertEquals(Detection.NO_MATCH, TlsDetection.of(ascii("OPTIONS rtsp://host/demo RTSP/1.0\r\nCSeq: 1\r\n\r\n")));
        assertEquals(Detection.NO_MATCH, TlsDetection.of(ascii("O")));
    }

    @Test
    void rtspResponseIsNotTls() {
        assertEquals(Detection.NO_MATCH, TlsDetection.of(ascii("RTSP/1.0 200 OK\r\n")));
    }

    @Test
    void interleavedFrameIsNotTls() {
        ByteBuffer frame = ByteBuffer.wrap(new byte[] {'$', 0, 0, 4, (byte) 0x80, 0x60, 0, 1});
        assertEquals(Detection.NO_MATCH, TlsDetection.of(frame));
    }

    @Test
    void httpIsNotTls() {
        assertEquals(Detection.NO_MATCH, TlsDetection.of(ascii("GET /demo HTTP/1.1\r\nHost: x\r\n\r\n")));
        assertEquals(Detection.NO_MATCH, TlsDetection.of(ascii("POST /demo HTTP/1.0\r\n")));
    }

    @Test
    void handshakeByteFollowedByAnotherMajorVersionIsNotTls() {
        assertEquals(Detection.NO_MATCH, TlsDetection.of(ByteBuffer.wrap(new byte[] {0x16, 0x02, 0x00})));
    }

    @Test
    void detectionLooksFromThePositionAndMovesNothing() throws Exception {
        ByteBuffer hello = jdkClientHello();
        ByteBuffer shifted = ByteBuffer.allocate(hello.remaining() + 3);
        shifted.put(new byte[] {'G', 'E', 'T'}).put(hello.duplicate()).flip().position(3);
        ByteBuffer view = shifted.asReadOnlyBuffer();
        assertEquals(Detection.MATCH, TlsDetection.of(view));
        assertEquals(3, view.position());
        assertEquals(shifted.limit(), view.limit());
    }
}
