package io.tributary.transports.httptunnel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whatever a client sends, the head decoder answers the same however the bytes are split: a head,
 * a refusal with one of its statuses, or a wish for more; never an exception, never past its bound.
 */
class HttpHeadDecoderFuzzTest {
    private static final Set<HttpStatus> REFUSALS = Set.of(HttpStatus.BAD_REQUEST, HttpStatus.URI_TOO_LONG,
            HttpStatus.HEADER_FIELDS_TOO_LARGE, HttpStatus.VERSION_NOT_SUPPORTED);

    /** The result and how many bytes it took. */
    private record Outcome(HttpHeadDecoder.Result result, int consumed) {
    }

    private static Outcome whole(byte[] input) {
        ByteBuffer in = ByteBuffer.wrap(input).asReadOnlyBuffer();
        return new Outcome(new HttpHeadDecoder().decode(in), in.position());
    }

    private static Outcome pieces(byte[] input, FuzzedDataProvider data) {
        HttpHeadDecoder decoder = new HttpHeadDecoder();
        int offset = 0;
        HttpHeadDecoder.Result result = new HttpHeadDecoder.Result.NeedMore();
        while (offset < input.length) {
            int size = Math.min(input.length - offset, data.consumeInt(1, 300));
            ByteBuffer in = ByteBuffer.wrap(input, offset, size).slice().asReadOnlyBuffer();
            result = decoder.decode(in);
            offset += in.position();
            if (!(result instanceof HttpHeadDecoder.Result.NeedMore)) {
                break;
            }
        }
        return new Outcome(result, offset);
    }

    @FuzzTest(maxDuration = "1m")
    void anyBytesMakeTheSameHeadOrRefusalAtAnySplit(FuzzedDataProvider data) {
        boolean likeATunnel = data.consumeBoolean();
        byte[] tail = data.consumeBytes(data.consumeInt(0, 10_000));
        // half of the inputs start as a tunnel's GET does, so that header parsing gets the input
        byte[] input = likeATunnel ? concat("GET /demo HTTP/1.0\r\n".getBytes(StandardCharsets.US_ASCII), tail) : tail;

        Outcome whole = whole(input);
        Outcome pieces = pieces(input, data);
        assertEquals(whole, pieces);
        assertTrue(whole.consumed() <= HttpHeadDecoder.MAX_HEAD_BYTES);
        switch (whole.result()) {
            case HttpHeadDecoder.Result.NeedMore more -> assertEquals(input.length, whole.consumed());
            case HttpHeadDecoder.Result.Failed failed -> assertTrue(REFUSALS.contains(failed.status()), failed.toString());
            case HttpHeadDecoder.Result.Done done -> assertEquals(done.head(), reread(done.head()));
        }
    }

    /** The head written out again in its canonical form and read back. */
    private static HttpHead reread(HttpHead head) {
        StringBuilder text = new StringBuilder(head.method()).append(' ').append(head.target()).append(' ')
                .append(head.version()).append("\r\n");
        for (Map.Entry<String, List<String>> header : head.headers().entrySet()) {
            for (String value : header.getValue()) {
                text.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        HttpHeadDecoder.Result again = new HttpHeadDecoder().decode(
                ByteBuffer.wrap(text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1)));
        return assertInstanceOf(HttpHeadDecoder.Result.Done.class, again).head();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
