package io.tributary.sources.file.internal.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NalLengthsTest {
    @Test
    void twoByteLengthsBecomeFourByteLengths() throws IOException {
        assertEquals("00000002aabb00000001cc", rewrite("0002aabb0001cc", 2));
    }

    @Test
    void emptyNalUnitsAndEmptySamplesAreKept() throws IOException {
        assertEquals("00000000", rewrite("000000", 3));
        assertEquals("", rewrite("", 1));
    }

    @Test
    void theSampleIsReadFromItsPosition() throws IOException {
        ByteBuffer sample = ByteBuffer.wrap(HexFormat.of().parseHex("ffff01ee"));
        sample.position(2);
        assertEquals("00000001ee", HexFormat.of().formatHex(NalLengths.toFourByteLengths(sample, 1).array()));
    }

    @Test
    void lengthsRunningPastTheSampleAreRejected() {
        assertThrows(IOException.class, () -> rewrite("0003aabb", 2));
        assertThrows(IOException.class, () -> rewrite("0001aa00", 2));
    }

    private static String rewrite(String hex, int lengthSize) throws IOException {
        ByteBuffer out = NalLengths.toFourByteLengths(ByteBuffer.wrap(HexFormat.of().parseHex(hex)), lengthSize);
        assertEquals(0, out.position());
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
