package io.tributary.sources.file.internal.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.sources.file.internal.container.ContainerFiles.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContainerFilesTest {
    @Test
    void mp4IsKnownByItsFirstBoxWhateverItIs() {
        assertEquals(Kind.MP4, kind(box("ftyp")));
        assertEquals(Kind.MP4, kind(box("moov")), "QuickTime files may start with the movie");
        assertEquals(Kind.MP4, kind(box("styp")), "a fragment of a fragmented MP4");
        assertEquals(Kind.UNKNOWN, kind(box("abcd")));
    }

    @Test
    void matroskaAndWebmAreKnownByTheEbmlMagic() {
        assertEquals(Kind.MATROSKA, kind(ByteBuffer.wrap(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0})));
    }

    @Test
    void transportStreamsAreKnownBySyncBytesAPacketApart() {
        assertEquals(Kind.MPEG_TS, kind(syncs(0, 188, 3)));
        assertEquals(Kind.MPEG_TS, kind(syncs(4, 192, 3)), "M2TS: a 4-byte timecode before each packet");
        assertEquals(Kind.UNKNOWN, kind(syncs(0, 188, 1)), "one 0x47 is any text starting with G");
    }

    private static Kind kind(ByteBuffer head) {
        return ContainerFiles.kind(head);
    }

    private static ByteBuffer box(String type) {
        ByteBuffer head = ByteBuffer.allocate(16).putInt(16).put(type.getBytes(StandardCharsets.US_ASCII));
        return head.position(16).flip();
    }

    private static ByteBuffer syncs(int first, int packetSize, int count) {
        ByteBuffer head = ByteBuffer.allocate(first + 3 * packetSize);
        for (int i = 0; i < count; i++) {
            head.put(first + i * packetSize, (byte) 0x47);
        }
        return head;
    }
}
