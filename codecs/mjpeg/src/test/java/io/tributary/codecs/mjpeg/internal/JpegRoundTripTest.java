package io.tributary.codecs.mjpeg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.testing.PayloadRoundTrip;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real encoders' images through a packetizer and a depacketizer: ffmpeg's come out byte for
 * byte (less their APP0 and COM segments), libjpeg's (GStreamer's {@code jpegenc}, whose
 * segments are in another order) with the same scan and tables, and both decode to the same
 * pictures as the originals.
 */
class JpegRoundTripTest {
    private static final int FRAMES = 5;
    private final JpegPayloadFormat format = new JpegPayloadFormat();
    private final TrackDescription track = new TrackDescription(0, MediaType.VIDEO,
            JpegPayloadFormatTest.JPEG, null, 0, 0, 0);

    @TempDir
    Path work;

    private List<AccessUnit> relay(List<byte[]> images) {
        List<AccessUnit> units = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            units.add(new AccessUnit(0, 3600L * i, 3600L * i, true, ByteBuffer.wrap(images.get(i))));
        }
        List<AccessUnit> relayed = PayloadRoundTrip.relay(format, track, 1000, units);
        assertEquals(images.size(), relayed.size());
        return relayed;
    }

    private void assertSamePictures(List<byte[]> images, List<AccessUnit> relayed) throws Exception {
        List<String> original = TestImages.decodedHashes(work, images);
        assertEquals(images.size(), original.size());
        assertEquals(original, TestImages.decodedHashes(work, relayed.stream().map(TestImages::bytes).toList()));
    }

    @ParameterizedTest(name = "restart markers: {0}")
    @ValueSource(booleans = {false, true})
    void ffmpegs420ImagesComeThroughByteForByte(boolean restartMarkers) throws Exception {
        List<String> options = new ArrayList<>(List.of("-huffman", "default", "-pix_fmt", "yuvj420p", "-q:v", "3"));
        if (restartMarkers) {
            options.addAll(List.of("-threads", "2", "-slices", "3")); // ffmpeg puts RST markers between slices
        }
        List<byte[]> images = TestImages.ffmpeg(work, FRAMES, options);

        List<AccessUnit> relayed = relay(images);

        for (int i = 0; i < images.size(); i++) {
            assertArrayEquals(TestImages.withoutApplicationSegments(images.get(i)), TestImages.bytes(relayed.get(i)),
                    "image " + i);
            assertEquals(restartMarkers, JpegImage.parse(relayed.get(i).dataView()).header().restartInterval() > 0);
        }
        assertSamePictures(images, relayed);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Y42B", "I420"})
    void libjpegs422And420ImagesKeepTheirScanAndTablesAndDecodeTheSame(String format) throws Exception {
        List<byte[]> images = TestImages.gstreamer(work, FRAMES, format);

        List<AccessUnit> relayed = relay(images);

        for (int i = 0; i < images.size(); i++) {
            JpegImage original = JpegImage.parse(ByteBuffer.wrap(images.get(i)));
            JpegImage received = JpegImage.parse(relayed.get(i).dataView());
            assertEquals(format.equals("Y42B") ? JfifHeader.TYPE_422 : JfifHeader.TYPE_420, received.header().type());
            assertEquals(original.header(), received.header());
            assertEquals(original.scan(), received.scan());
        }
        assertSamePictures(images, relayed);
    }

    @Test
    void aPictureOfTheLargestSizeComesThrough() throws Exception {
        List<byte[]> images = TestImages.ffmpeg(work, 1, List.of("-huffman", "default", "-pix_fmt", "yuvj420p",
                "-vf", "scale=2040:1080"));

        List<AccessUnit> relayed = relay(images);

        assertArrayEquals(TestImages.withoutApplicationSegments(images.getFirst()), TestImages.bytes(relayed.getFirst()));
        assertEquals(2040, JpegImage.parse(relayed.getFirst().dataView()).header().width());
    }
}
