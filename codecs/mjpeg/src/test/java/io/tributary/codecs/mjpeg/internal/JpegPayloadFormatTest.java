package io.tributary.codecs.mjpeg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.SdpAttributes;
import io.tributary.api.testing.PayloadRoundTrip;
import io.tributary.rtsp.sdp.RtpMap;
import io.tributary.rtsp.sdp.SdpParser;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class JpegPayloadFormatTest {
    static final Encoding JPEG = new Encoding("JPEG", 90000, 0);
    private static final byte[] TINY = TestImages.resource(TestImages.TINY);
    private final JpegPayloadFormat format = new JpegPayloadFormat();
    private final TrackDescription track = new TrackDescription(0, MediaType.VIDEO, JPEG, null, 0, 0, 0);

    private static AccessUnit unit(byte[] image) {
        return new AccessUnit(0, 0, 0, true, ByteBuffer.wrap(image));
    }

    private static String hex(ByteBuffer buffer, int from, int to) {
        return HexFormat.of().formatHex(TestImages.bytes(buffer.duplicate().position(from).limit(to)));
    }

    @Test
    void ffmpegsAnnounceOfStaticPayloadType26IsAJpegTrackWithoutConfiguration() {
        String sdp = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=cam\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=video 0 RTP/AVP 26\r\n";
        RtpMap rtpmap = SdpParser.parse(sdp).media().getFirst().rtpmapOrStatic(26);
        Encoding announced = new Encoding(rtpmap.encoding(), rtpmap.clockRate(), 0);

        TrackDescription received = format.receivedTrack(1, MediaType.VIDEO, announced, "");

        assertEquals(JPEG, received.encoding());
        assertEquals(0, received.codecConfig().remaining());
        assertEquals(new SdpAttributes("JPEG/90000", ""), format.describe(received, 96));
    }

    @Test
    void tracksOtherThanVideoAt90kHzAreRefusedNamingTheTrack() {
        IllegalArgumentException clock = assertThrows(IllegalArgumentException.class,
                () -> format.receivedTrack(2, MediaType.VIDEO, new Encoding("JPEG", 8000, 0), ""));
        assertEquals("JPEG track 2: clock rate 8000, but RTP/JPEG is sent at 90000", clock.getMessage());
        assertThrows(IllegalArgumentException.class, () -> format.receivedTrack(0, MediaType.AUDIO, JPEG, ""));
        assertThrows(IllegalArgumentException.class, () -> format.packetizer(track, 144), "too small for a table");
    }

    @Test
    void theFirstPacketCarriesTheTablesAndEachNextOneItsOffsetAndTheLastTheMarker() {
        JpegImage image = JpegImage.parse(ByteBuffer.wrap(TINY));
        int scan = image.scan().remaining();

        List<ByteBuffer> payloads = format.packetizer(track, 200).packetize(unit(TINY));

        assertTrue(format.packetizer(track, 200).markerOnLast());
        assertEquals("00000000" + "01ff0402", hex(payloads.get(0), 0, 8), "offset 0, type 1, Q 255, 32x16");
        assertEquals("00000080", hex(payloads.get(0), 8, 12), "MBZ, 8-bit tables, 128 bytes");
        assertArrayEquals(image.header().luma(), TestImages.bytes(payloads.get(0).slice(12, 64)));
        assertArrayEquals(image.header().chroma(), TestImages.bytes(payloads.get(0).slice(76, 64)));
        assertEquals(200, payloads.get(0).remaining());
        assertEquals("0000003c" + "01ff0402", hex(payloads.get(1), 0, 8), "offset 60: after the first's data");
        int sent = payloads.stream().mapToInt(p -> p.remaining() - 8).sum() - 132;
        assertEquals(scan, sent, "all the scan, once");
        assertEquals(1 + (int) Math.ceil((scan - 60) / 192.0), payloads.size());
        assertTrue(payloads.stream().allMatch(ByteBuffer::isReadOnly));
    }

    @Test
    void restartMarkersMakeTheType65WithTheRestartHeaderInEveryPacket() {
        byte[] withDri = JpegImageTest.inserted(TINY, JpegMarker.DQT,
                new byte[] {(byte) 0xFF, (byte) 0xDD, 0, 4, 0, 2});

        List<ByteBuffer> payloads = format.packetizer(track, 200).packetize(unit(withDri));

        assertEquals("00000000" + "41ff0402" + "0002ffff" + "00000080", hex(payloads.get(0), 0, 16));
        for (ByteBuffer payload : payloads.subList(1, payloads.size())) {
            assertEquals("41ff0402" + "0002ffff", hex(payload, 4, 12));
        }
        List<AccessUnit> relayed = PayloadRoundTrip.relay(format, track, 200, List.of(unit(withDri)));
        assertEquals(2, JpegImage.parse(relayed.getFirst().dataView()).header().restartInterval());
    }

    @Test
    void anImageRfc2435CannotCarryIsRefusedSayingWhyAndCounted() {
        int dht = JpegImageTest.segmentAt(TINY, JpegMarker.DHT);
        byte[] optimal = JpegImageTest.patched(TINY, dht + 5 + 16 + 1, 7);
        JpegPacketizer packetizer = new JpegPacketizer(3, 1400);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> packetizer.packetize(unit(optimal)));
        assertThrows(IllegalArgumentException.class, () -> packetizer.packetize(unit(optimal)));

        assertTrue(refused.getMessage().startsWith("JPEG track 3: the image's luminance DC Huffman table"),
                refused.getMessage());
        assertEquals(2, packetizer.refusedUnits());
        assertEquals(1, packetizer.packetize(unit(TINY)).size(), "a good image after them goes out");
    }

    @Test
    void aRelayedImageComesOutInTheOneLayoutWhateverThePayloadSize() {
        byte[] expected = TestImages.withoutApplicationSegments(TINY);
        for (int size : new int[] {JpegPacketizer.MIN_PAYLOAD_SIZE, 150, 400, 1400}) {
            List<AccessUnit> relayed = PayloadRoundTrip.relay(format, track, size, List.of(unit(TINY), unit(TINY)));
            assertEquals(2, relayed.size());
            assertArrayEquals(expected, TestImages.bytes(relayed.get(1)), "payload size " + size);
        }
        assertTrue(Arrays.equals(expected, TestImages.bytes(JpegImage.parse(ByteBuffer.wrap(expected)).write())));
    }
}
