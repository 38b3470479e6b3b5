package io.tributary.transports.httptunnel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tributary.api.transport.ConnectionInfo;
import io.tributary.api.transport.ControlLayer;
import io.tributary.api.transport.ControlListener.Detection;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TunnelDetectionTest {

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();
    }

    /** First bytes and what they are; a quoted value keeps its trailing space. */
    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"GET \"                                      | MATCH",
        "GET /demo HTTP/1.0                            | MATCH",
        "\"POST \"                                     | MATCH",
        "POST /demo HTTP/1.0                           | MATCH",
        "G                                             | NEED_MORE",
        "GE                                            | NEED_MORE",
        "GET                                           | NEED_MORE",
        "P                                             | NEED_MORE",
        "PO                                            | NEED_MORE",
        "POS                                           | NEED_MORE",
        "POST                                          | NEED_MORE",
        "GET_                                          | NO_MATCH",
        "GET_PARAMETER rtsp://h/demo RTSP/1.0          | NO_MATCH",
        "GETX                                          | NO_MATCH",
        "PLAY rtsp://h/demo RTSP/1.0                   | NO_MATCH",
        "PAUSE rtsp://h/demo RTSP/1.0                  | NO_MATCH",
        "POSTX                                         | NO_MATCH",
        "OPTIONS * RTSP/1.0                            | NO_MATCH",
        "DESCRIBE rtsp://h/demo RTSP/1.0               | NO_MATCH",
        "SET_PARAMETER rtsp://h/demo RTSP/1.0          | NO_MATCH",
        "RTSP/1.0 200 OK                               | NO_MATCH",
        "get /demo HTTP/1.0                            | NO_MATCH",
        "HEAD /demo HTTP/1.0                           | NO_MATCH",
        "PUT /demo HTTP/1.0                            | NO_MATCH",
    })
    void firstBytesAreTold(String first, Detection expected) {
        assertEquals(expected, TunnelDetection.of(ascii(first)));
    }

    @Test
    void interleavedDataAndTlsAreNotTunnels() {
        assertEquals(Detection.NO_MATCH, TunnelDetection.of(ByteBuffer.wrap(new byte[] {'$', 0, 0, 4})));
        assertEquals(Detection.NO_MATCH, TunnelDetection.of(ByteBuffer.wrap(new byte[] {0x16, 0x03, 0x01})));
    }

    @Test
    void detectionLooksFromThePositionAndMovesNothing() {
        ByteBuffer buffer = ascii("xxGET /demo HTTP/1.0");
        buffer.position(2);
        assertEquals(Detection.MATCH, TunnelDetection.of(buffer));
        assertEquals(2, buffer.position());
        assertEquals(Detection.NEED_MORE, TunnelDetection.of(ascii("xPOS").position(1)));
    }

    @Test
    void listenerDetectsTunnelsAndHandlesThemItself() {
        TunnelSettings settings = new TunnelSettings(0, true, Duration.ofSeconds(10), 10, 10);
        HttpTunnelListener listener = new HttpTunnelListener(new Tunnels(settings), settings);
        assertEquals(Detection.MATCH, listener.detect(ascii("POST /x HTTP/1.0")));
        assertEquals(Detection.NO_MATCH, listener.detect(ascii("GET_PARAMETER")));
        ControlLayer layer = listener.accept(new ConnectionInfo(new InetSocketAddress("127.0.0.1", 5000),
                new InetSocketAddress("127.0.0.1", 554), false));
        assertInstanceOf(TunnelConnection.class, assertInstanceOf(ControlLayer.Handled.class, layer).handler());
    }
}
