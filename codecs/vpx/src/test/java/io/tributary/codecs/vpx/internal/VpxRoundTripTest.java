package io.tributary.codecs.vpx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.testing.PayloadRoundTrip;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class VpxRoundTripTest {
    static final Encoding VP8 = new Encoding("VP8", 90_000, 0);
    static final Encoding VP9 = new Encoding("VP9", 90_000, 0);

    private static AccessUnit unit(long time, boolean keyframe, ByteBuffer data) {
        return new AccessUnit(0, time, time, keyframe, data);
    }

    private static String hex(ByteBuffer payload, int length) {
        byte[] bytes = new byte[length];
        payload.get(payload.position(), bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void assertRelayedIntact(PayloadFormat format, TrackDescription track, List<AccessUnit> units) {
        List<AccessUnit> relayed = PayloadRoundTrip.relay(format, track, 1200, units);

        assertEquals(units.size(), relayed.size());
        for (int i = 0; i < units.size(); i++) {
            assertEquals(units.get(i).dataView(), relayed.get(i).dataView(), "unit " + i);
            assertEquals(units.get(i).presentationTime(), relayed.get(i).presentationTime());
            assertEquals(units.get(i).keyframe(), relayed.get(i).keyframe(), "keyframe " + i);
        }
    }

    @Test
    void vp8FramesOfAnySizeComeThroughByteForByte() {
        Random random = new Random(80);
        List<AccessUnit> units = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean key = i % 20 == 0;
            int size = key ? 10 + random.nextInt(40_000) : 3 + random.nextInt(random.nextBoolean() ? 100 : 5000);
            units.add(unit(3000L * i, key, VpxFrames.vp8(key, size, 640, 360, random)));
        }
        assertRelayedIntact(new Vp8PayloadFormat(), new TrackDescription(0, MediaType.VIDEO, VP8, null, 0, 0, 0),
                units);
    }

    @Test
    void vp9FramesAndSuperframesComeThroughByteForByte() {
        Random random = new Random(90);
        List<AccessUnit> units = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean key = i % 20 == 0;
            ByteBuffer frame = key ? VpxFrames.vp9(true, 10 + random.nextInt(40_000), 640, 360, random)
                    : VpxFrames.vp9(false, 1 + random.nextInt(3000), 0, 0, random);
            if (i % 7 == 3) {
                frame = VpxFrames.superframe(frame, VpxFrames.vp9ShowExisting(1));
            }
            units.add(unit(3000L * i, key, frame));
        }
        assertRelayedIntact(new Vp9PayloadFormat(), new TrackDescription(0, MediaType.VIDEO, VP9, null, 0, 0, 0),
                units);
    }

    @Test
    void vp8PacketsCarryAOneOctetDescriptorWithSOnTheFirst() {
        Vp8Packetizer packetizer = new Vp8Packetizer(1000);
        List<ByteBuffer> key = packetizer.packetize(unit(0, true, VpxFrames.vp8(true, 2500, 320, 240,
                new Random(1))));

        assertEquals(List.of(1000, 1000, 503), key.stream().map(ByteBuffer::remaining).toList());
        assertEquals("10", hex(key.get(0), 1), "S, PID 0; no X, so no PictureID");
        assertEquals("00", hex(key.get(1), 1));
        assertEquals("00", hex(key.get(2), 1));
        assertTrue(packetizer.markerOnLast());
        ByteBuffer inter = VpxFrames.vp8(false, 10, 0, 0, new Random(2));
        assertEquals("10", hex(packetizer.packetize(unit(3000, false, inter)).getFirst(), 1));
        assertEquals(List.of(), packetizer.packetize(unit(0, false, ByteBuffer.allocate(0))));
    }

    @Test
    void vp9KeyframesCarryTheirSizeInAScalabilityStructureAndInterFramesP() {
        Vp9Packetizer packetizer = new Vp9Packetizer(1000, 0, 0);
        List<ByteBuffer> key = packetizer.packetize(unit(0, true, VpxFrames.vp9(true, 2000, 320, 240,
                new Random(3))));

        assertEquals(List.of(1000, 1000, 8), key.stream().map(ByteBuffer::remaining).toList());
        assertEquals("0a" + "10" + "014000f0", hex(key.get(0), 6), "B V, no picture ID; SS: one layer, Y, 320x240");
        assertEquals("00", hex(key.get(1), 1), "no flag");
        assertEquals("04", hex(key.get(2), 1), "E");
        List<ByteBuffer> inter = packetizer.packetize(unit(3000, false, VpxFrames.vp9(false, 50, 0, 0,
                new Random(4))));
        assertEquals("4c", hex(inter.getFirst(), 1), "P B E");

        ByteBuffer unreadable = ByteBuffer.wrap(new byte[100]);
        assertEquals("0e" + "10" + "02800168", hex(new Vp9Packetizer(1000, 640, 360)
                .packetize(unit(0, true, unreadable)).getFirst(), 6), "the track's size when the header is unreadable");
        assertEquals("0e" + "00", hex(new Vp9Packetizer(1000, 0, 0).packetize(unit(0, true, unreadable))
                .getFirst(), 2), "one packet, SS without a size when none is known");
    }

    /** The engine packetizes each file sample once, in any order, and shares the payloads between sessions. */
    @Test
    void payloadsDependOnTheUnitAloneNotOnWhatWasPacketizedBefore() {
        Random random = new Random(6);
        List<AccessUnit> vp8 = new ArrayList<>();
        List<AccessUnit> vp9 = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean key = i % 4 == 0;
            vp8.add(unit(3000L * i, key, VpxFrames.vp8(key, 1 + random.nextInt(3000), 320, 240, random)));
            vp9.add(unit(3000L * i, key, VpxFrames.vp9(key, 1 + random.nextInt(3000), key ? 320 : 0,
                    key ? 240 : 0, random)));
        }
        assertSameWhateverTheOrder(() -> new Vp8Packetizer(1000), vp8);
        assertSameWhateverTheOrder(() -> new Vp9Packetizer(1000, 640, 360), vp9);
    }

    private static void assertSameWhateverTheOrder(Supplier<Packetizer> packetizers, List<AccessUnit> units) {
        Packetizer inOrder = packetizers.get();
        List<List<ByteBuffer>> expected = units.stream().map(inOrder::packetize).toList();

        Packetizer shuffled = packetizers.get();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            order.add(i);
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        for (int i : order) {
            assertEquals(expected.get(i), shuffled.packetize(units.get(i)), "unit " + i + ", packetized again");
        }
        assertEquals(expected.reversed(), units.reversed().stream().map(packetizers.get()::packetize).toList(),
                "packetized last to first");
    }

    @Test
    void aPayloadSizeWithNoRoomForDataIsRefused() {
        assertEquals("VP8 payloads of 1 bytes leave no room for data after a descriptor of up to 1",
                assertThrows(IllegalArgumentException.class, () -> new Vp8Packetizer(1)).getMessage());
        assertEquals(List.of(2, 2, 2), new Vp8Packetizer(Vp8Packetizer.MIN_PAYLOAD_SIZE).packetize(unit(0, false,
                ByteBuffer.wrap(new byte[] {1, 2, 3}))).stream().map(ByteBuffer::remaining).toList());
        assertThrows(IllegalArgumentException.class, () -> new Vp9Packetizer(Vp9Packetizer.MIN_PAYLOAD_SIZE - 1, 0, 0));
        List<ByteBuffer> tiny = new Vp9Packetizer(Vp9Packetizer.MIN_PAYLOAD_SIZE, 0, 0).packetize(unit(0, true,
                VpxFrames.vp9(true, 20, 64, 64, new Random(5))));
        assertEquals(List.of(7, 7, 7, 7, 2), tiny.stream().map(ByteBuffer::remaining).toList(),
                "one byte after the first descriptor, six after each later one");
    }
}
