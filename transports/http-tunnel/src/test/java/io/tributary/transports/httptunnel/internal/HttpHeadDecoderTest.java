package io.tributary.transports.httptunnel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpHeadDecoderTest {
    private static final String VLC_GET = "GET /demo HTTP/1.0\r\n"
            + "User-Agent: VLC/3.0.18 LibVLC/3.0.18\r\n"
            + "x-sessioncookie: 7d0c1f7b3a5e6b2c9d4e1f\r\n"
            + "Accept: application/x-rtsp-tunnelled\r\n"
            + "Pragma: no-cache\r\n"
            + "Cache-Control: no-cache\r\n"
            + "\r\n";

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)).asReadOnlyBuffer();
    }

    private static HttpHeadDecoder.Result decode(String text) {
        return new HttpHeadDecoder().decode(ascii(text));
    }

    private static HttpHead head(String text) {
        return assertInstanceOf(HttpHeadDecoder.Result.Done.class, decode(text)).head();
    }

    private static HttpStatus failure(String text) {
        return assertInstanceOf(HttpHeadDecoder.Result.Failed.class, decode(text)).status();
    }

    @Test
    void vlcGetIsReadWithItsHeaders() {
        HttpHead head = head(VLC_GET);
        assertEquals("GET", head.method());
        assertEquals("/demo", head.target());
        assertEquals("HTTP/1.0", head.version());
        assertEquals(List.of("7d0c1f7b3a5e6b2c9d4e1f"), head.values("x-sessioncookie"));
        assertEquals(List.of("application/x-rtsp-tunnelled"), head.values("accept"));
        assertEquals(5, head.headers().size());
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        HttpHead head = head("POST /x HTTP/1.1\r\nX-SessionCookie: abc\r\nCONTENT-LENGTH: 32767\r\n\r\n");
        assertEquals(List.of("abc"), head.values("x-sessioncookie"));
        assertEquals(List.of("abc"), head.values("X-SESSIONCOOKIE"));
        assertEquals(List.of("32767"), head.values("Content-Length"));
    }

    @Test
    void bareLineFeedsEndLinesToo() {
        HttpHead head = head("GET /demo HTTP/1.0\nx-sessioncookie: abc\r\nAccept: x\n\n");
        assertEquals(List.of("abc"), head.values("x-sessioncookie"));
        assertEquals(List.of("x"), head.values("accept"));
        assertEquals("GET", head("GET / HTTP/1.1\n\r\n").method());
    }

    @Test
    void valuesLoseSurroundingSpacesAndTabsOnlyAndRepeatedHeadersKeepTheirOrder() {
        HttpHead head = head("GET / HTTP/1.1\r\nA:\t one two \t\r\nA:second\r\nB:\r\n\r\n");
        assertEquals(List.of("one two", "second"), head.values("a"));
        assertEquals(List.of(""), head.values("b"));
        assertEquals(List.of(), head.values("c"));
    }

    @Test
    void headIsReadAtEverySplitAndBytesAfterItStayInTheBuffer() {
        String body = "T1BUSU9OUw==";
        byte[] all = (VLC_GET + body).getBytes(StandardCharsets.ISO_8859_1);
        HttpHead whole = head(VLC_GET);
        for (int split = 0; split <= all.length; split++) {
            HttpHeadDecoder decoder = new HttpHeadDecoder();
            HttpHeadDecoder.Result first = decoder.decode(ByteBuffer.wrap(all, 0, split).slice());
            ByteBuffer rest = ByteBuffer.wrap(all, split, all.length - split).slice();
            HttpHeadDecoder.Result result = first instanceof HttpHeadDecoder.Result.NeedMore ? decoder.decode(rest) : first;
            assertEquals(whole, assertInstanceOf(HttpHeadDecoder.Result.Done.class, result).head(), "split at " + split);
            if (split <= VLC_GET.length()) {
                assertEquals(body, StandardCharsets.ISO_8859_1.decode(rest).toString(), "split at " + split);
            }
        }
    }

    @Test
    void headFedOneByteAtATimeNeedsMoreUntilItsEmptyLine() {
        HttpHeadDecoder decoder = new HttpHeadDecoder();
        byte[] bytes = VLC_GET.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length - 1; i++) {
            assertInstanceOf(HttpHeadDecoder.Result.NeedMore.class, decoder.decode(ByteBuffer.wrap(bytes, i, 1)));
        }
        assertInstanceOf(HttpHeadDecoder.Result.Done.class, decoder.decode(ByteBuffer.wrap(bytes, bytes.length - 1, 1)));
        assertThrows(IllegalStateException.class, () -> decoder.decode(ascii("x")), "one head per decoder");
    }

    @Test
    void headOfExactlyTheLimitIsReadAndOneByteMoreIsRefused() {
        String start = "GET / HTTP/1.0\r\nX: ";
        String exact = start + "v".repeat(HttpHeadDecoder.MAX_HEAD_BYTES - start.length() - 4) + "\r\n\r\n";
        assertEquals(HttpHeadDecoder.MAX_HEAD_BYTES, exact.length());
        head(exact);
        String over = start + "v".repeat(HttpHeadDecoder.MAX_HEAD_BYTES - start.length() - 3) + "\r\n\r\n";
        assertEquals(HttpStatus.HEADER_FIELDS_TOO_LARGE, failure(over));
    }

    @Test
    void endlessRequestLineIsUriTooLong() {
        assertEquals(HttpStatus.URI_TOO_LONG, failure("GET /" + "a".repeat(HttpHeadDecoder.MAX_HEAD_BYTES)));
    }

    @Test
    void endlessHeadersWithoutAnEmptyLineAreRefusedAtTheLimit() {
        HttpHeadDecoder decoder = new HttpHeadDecoder();
        assertInstanceOf(HttpHeadDecoder.Result.NeedMore.class, decoder.decode(ascii("GET / HTTP/1.0\r\n")));
        HttpHeadDecoder.Result result = null;
        for (int i = 0; i < 1000 && !(result instanceof HttpHeadDecoder.Result.Failed); i++) {
            result = decoder.decode(ascii("X-Header: value\r\n"));
        }
        assertEquals(HttpStatus.HEADER_FIELDS_TOO_LARGE,
                assertInstanceOf(HttpHeadDecoder.Result.Failed.class, result).status());
    }

    @Test
    void onlyHttp1IsSpoken() {
        assertEquals(HttpStatus.VERSION_NOT_SUPPORTED, failure("GET / HTTP/2.0\r\n\r\n"));
        assertEquals(HttpStatus.VERSION_NOT_SUPPORTED, failure("GET / HTTP/0.9\r\n\r\n"));
        assertEquals(HttpStatus.BAD_REQUEST, failure("GET / RTSP/1.0\r\n\r\n"));
        assertEquals(HttpStatus.BAD_REQUEST, failure("GET / HTTP/1.10\r\n\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\r\n",
        "GET\r\n\r\n",
        "GET /\r\n\r\n",
        "GET  / HTTP/1.0\r\n\r\n",
        "GET / HTTP/1.0 \r\n\r\n",
        "GET /a b HTTP/1.0\r\n\r\n",
        "G(T / HTTP/1.0\r\n\r\n",
        "GET /\u00e9 HTTP/1.0\r\n\r\n",
        "GET / HTTP/1.0\r\nNo colon\r\n\r\n",
        "GET / HTTP/1.0\r\n: empty name\r\n\r\n",
        "GET / HTTP/1.0\r\nName : space before the colon\r\n\r\n",
        "GET / HTTP/1.0\r\nA: b\r\n folded\r\n\r\n",
        "GET / HTTP/1.0\r\nA: b\r\n\tfolded\r\n\r\n",
        "GET / HTTP/1.0\r\nA: bell\u0007\r\n\r\n",
        "GET / HTTP/1.0\r\nA: nul\u0000\r\n\r\n",
        "GET / HTTP/1.0\r\nA: cr\rinside\r\n\r\n",
        "GET / HTTP/1.0\r\nA: del\u007f\r\n\r\n",
        "GET / HTTP/1.0\r\n\r\r\n\r\n",
    })
    void malformedHeadsAreBadRequests(String text) {
        assertEquals(HttpStatus.BAD_REQUEST, failure(text));
    }

    @Test
    void obsoleteTextInValuesIsKeptAsLatin1() {
        assertEquals(List.of("caf\u00e9"), head("GET / HTTP/1.0\r\nA: caf\u00e9\r\n\r\n").values("a"));
    }

    @Test
    void headsAreValues() {
        assertEquals(new HttpHead("GET", "/", "HTTP/1.0", Map.of("a", List.of("1"))),
                head("GET / HTTP/1.0\r\nA: 1\r\n\r\n"));
    }
}
