package io.tributary.transports.httptunnel.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64StreamTest {
    private static final String DESCRIBE = "DESCRIBE rtsp://127.0.0.1:8554/demo RTSP/1.0\r\nCSeq: 2\r\n"
            + "Accept: application/sdp\r\nUser-Agent: LibVLC/3.0.18 (LIVE555 Streaming Media v2016.11.28)\r\n\r\n";

    /** What a decoder makes of {@code pieces} fed in turn, or null when it refused them. */
    private static byte[] decode(Base64Stream decoder, int outCapacity, byte[]... pieces) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer out = ByteBuffer.allocate(outCapacity);
        for (byte[] piece : pieces) {
            ByteBuffer in = ByteBuffer.wrap(piece).asReadOnlyBuffer();
            while (in.hasRemaining()) {
                out.clear();
                boolean valid = decoder.decode(in, out);
                all.write(out.array(), 0, out.position());
                if (!valid) {
                    return null;
                }
            }
        }
        return all.toByteArray();
    }

    private static byte[] decode(String text) {
        return decode(new Base64Stream(), 64, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void requestSplitAtEveryOffsetDecodesTheSame() {
        for (String request : new String[] {DESCRIBE, DESCRIBE + "x", DESCRIBE + "xy"}) {
            byte[] encoded = ascii(Base64.getEncoder().encodeToString(ascii(request)));
            for (int split = 0; split <= encoded.length; split++) {
                Base64Stream decoder = new Base64Stream();
                byte[] first = java.util.Arrays.copyOfRange(encoded, 0, split);
                byte[] second = java.util.Arrays.copyOfRange(encoded, split, encoded.length);
                assertArrayEquals(ascii(request), decode(decoder, 4096, first, second), "split at " + split);
                assertTrue(decoder.atBoundary());
            }
        }
    }

    @Test
    void oneByteFeedsIntoAOneByteOutputDecodeTheSame() {
        byte[] encoded = ascii(Base64.getMimeEncoder().encodeToString(ascii(DESCRIBE.repeat(3))));
        byte[][] pieces = new byte[encoded.length][];
        for (int i = 0; i < encoded.length; i++) {
            pieces[i] = new byte[] {encoded[i]};
        }
        assertArrayEquals(ascii(DESCRIBE.repeat(3)), decode(new Base64Stream(), 1, pieces));
    }

    @Test
    void eachByteIsGivenOutAsSoonAsItsBitsArrive() {
        Base64Stream decoder = new Base64Stream();
        assertEquals(0, decode(decoder, 8, ascii("Q")).length);
        assertArrayEquals(ascii("A"), decode(decoder, 8, ascii("U")));
        assertArrayEquals(ascii("B"), decode(decoder, 8, ascii("J")));
        assertArrayEquals(ascii("C"), decode(decoder, 8, ascii("D")));
    }

    @Test
    void requestsEncodedOneByOneFollowEachOtherAfterTheirPadding() {
        String options = "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n";
        String text = Base64.getEncoder().encodeToString(ascii(options))
                + Base64.getEncoder().encodeToString(ascii(DESCRIBE))
                + Base64.getEncoder().encodeToString(ascii("ab"));
        assertTrue(text.contains("=") && text.indexOf('=') < text.length() - 2, "padding inside the stream");
        assertArrayEquals(ascii(options + DESCRIBE + "ab"), decode(text));
    }

    @Test
    void whitespaceIsSkippedAnywhere() {
        assertArrayEquals(ascii("ABC"), decode(" Q\tU\r\nJ D\n"));
        assertArrayEquals(ascii("A"), decode("QQ=\r\n="));
        assertArrayEquals(ascii("AB"), decode("Q U I =\r\n"));
    }

    @Test
    void textMayEndAfterAWholePaddedOrUnpaddedQuantumOnly() {
        for (String end : new String[] {"", "QUJD", "QQ==", "QUI=", "QQ", "QUI"}) {
            Base64Stream decoder = new Base64Stream();
            decode(decoder, 8, ascii(end));
            assertTrue(decoder.atBoundary(), end);
        }
        for (String middle : new String[] {"Q", "QQ=", "QUJDQ"}) {
            Base64Stream decoder = new Base64Stream();
            decode(decoder, 8, ascii(middle));
            assertFalse(decoder.atBoundary(), middle);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "QUJD*", "Q-==", "QU_=", "=", "Q=", "QUJD=", "QQ=A", "QQ===", "QUI==", "\u0000",
        "QQ\u00ff", "QUJD\f"})
    void anythingElseIsRefused(String text) {
        org.junit.jupiter.api.Assertions.assertNull(decode(text));
    }

    @Test
    void refusedOnceRefusedForGood() {
        Base64Stream decoder = new Base64Stream();
        ByteBuffer out = ByteBuffer.allocate(8);
        assertFalse(decoder.decode(ByteBuffer.wrap(ascii("!")), out));
        assertFalse(decoder.decode(ByteBuffer.wrap(ascii("QUJD")), out));
        assertEquals(0, out.position());
        assertFalse(decoder.atBoundary());
    }

    @Test
    void leftoverBitsOfAPaddedQuantumAreIgnoredAsTheJdkDoes() {
        assertArrayEquals(Base64.getDecoder().decode("QR=="), decode("QR=="));
        assertArrayEquals(Base64.getDecoder().decode("QUJ="), decode("QUJ="));
    }

    @Test
    void everyByteValueSurvivesAtEverySplit() {
        byte[] data = new byte[256 * 3];
        new Random(7).nextBytes(data);
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) i;
        }
        byte[] encoded = ascii(Base64.getEncoder().encodeToString(data));
        for (int split = 0; split <= encoded.length; split += 7) {
            byte[] first = java.util.Arrays.copyOfRange(encoded, 0, split);
            byte[] second = java.util.Arrays.copyOfRange(encoded, split, encoded.length);
            assertArrayEquals(data, decode(new Base64Stream(), 5, first, second), "split at " + split);
        }
    }
}
