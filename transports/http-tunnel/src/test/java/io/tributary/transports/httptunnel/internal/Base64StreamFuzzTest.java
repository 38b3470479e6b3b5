package io.tributary.transports.httptunnel.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The streaming decoder against {@link java.util.Base64}, with the input split where the fuzzer likes. */
class Base64StreamFuzzTest {

    /** What the decoder makes of {@code text} fed in pieces of the given sizes; null when refused or cut short. */
    private static byte[] stream(byte[] text, FuzzedDataProvider split) {
        Base64Stream decoder = new Base64Stream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer out = ByteBuffer.allocate(split.consumeInt(1, 64));
        int offset = 0;
        while (offset < text.length) {
            int size = Math.min(text.length - offset, split.consumeInt(1, 100));
            ByteBuffer in = ByteBuffer.wrap(text, offset, size).slice().asReadOnlyBuffer();
            offset += size;
            while (in.hasRemaining()) {
                out.clear();
                boolean valid = decoder.decode(in, out);
                all.write(out.array(), 0, out.position());
                if (!valid) {
                    return null;
                }
            }
        }
        return decoder.atBoundary() ? all.toByteArray() : null;
    }

    /**
     * The JDK's reading of a text: without whitespace, cut after each run of padding (clients encode
     * requests one by one), each piece decoded on its own; null when it refuses one.
     */
    private static byte[] jdk(byte[] text) {
        String compact = new String(text, StandardCharsets.ISO_8859_1).replaceAll("[ \t\r\n]", "");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String piece : compact.split("(?<==)(?=[^=])")) {
            try {
                all.writeBytes(Base64.getDecoder().decode(piece));
            } catch (IllegalArgumentException refused) {
                return null;
            }
        }
        return all.toByteArray();
    }

    @FuzzTest(maxDuration = "1m")
    void anyTextDecodesAsTheJdkDecodesItsPieces(FuzzedDataProvider data) {
        byte[] text = data.consumeBytes(data.consumeInt(0, 2000));
        byte[] expected = jdk(text);
        byte[] actual = stream(text, data);
        if (expected == null) {
            assertEquals(null, actual, "accepted what the JDK refuses");
        } else {
            assertArrayEquals(expected, actual);
        }
    }

    @FuzzTest(maxDuration = "1m")
    void encodedBytesComeBackAtAnySplit(FuzzedDataProvider data) {
        boolean mime = data.consumeBoolean();
        byte[] original = data.consumeBytes(data.consumeInt(0, 3000));
        String encoded = mime ? Base64.getMimeEncoder().encodeToString(original)
                : Base64.getEncoder().withoutPadding().encodeToString(original);
        byte[] actual = stream(encoded.getBytes(StandardCharsets.US_ASCII), data);
        assertArrayEquals(original, actual);
    }
}
