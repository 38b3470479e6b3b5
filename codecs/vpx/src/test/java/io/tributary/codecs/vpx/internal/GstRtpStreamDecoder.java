package io.tributary.codecs.vpx.internal;

import io.tributary.api.media.RtpPacket;
import io.tributary.rtsp.rtp.RtpHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * GStreamer decoding RTP packets as a third party receives them: written as an RFC 4571 stream
 * (each packet behind its 16-bit length) to a file, read back by {@code rtpstreamdepay}, then
 * GStreamer's depayloader and decoder for the encoding, to raw I420 pictures.
 */
final class GstRtpStreamDecoder {
    private GstRtpStreamDecoder() {
    }

    /**
     * Decodes {@code packets} with {@code rtp<encoding>depay ! <encoding>dec} and returns the
     * number of {@code width}x{@code height} I420 pictures GStreamer decoded; asserts that it
     * ended without error.
     */
    static int decodedPictures(Path work, String encoding, List<RtpPacket> packets, int width, int height)
            throws IOException, InterruptedException {
        Tools.assumeInstalled("gst-launch-1.0");
        Path stream = work.resolve("rtp-stream");
        ByteBuffer out = ByteBuffer.allocate(packets.stream()
                .mapToInt(p -> 2 + RtpHeader.SIZE + p.payload().remaining()).sum());
        for (RtpPacket packet : packets) {
            ByteBuffer payload = packet.payload();
            out.putShort((short) (RtpHeader.SIZE + payload.remaining()));
            RtpHeader.write(out, packet.marker(), packet.payloadType(), packet.sequenceNumber(), packet.timestamp(),
                    packet.ssrc());
            out.put(payload);
        }
        Files.write(stream, out.array());
        Path pictures = work.resolve("pictures.yuv");
        String name = encoding.toLowerCase(java.util.Locale.ROOT);
        String caps = "media=video,clock-rate=90000,encoding-name=" + encoding + ",payload=" + packets.getFirst()
                .payloadType();
        Tools.run(work.resolve("gst.log"), List.of("gst-launch-1.0", "-q", "filesrc", "location=" + stream, "!",
                "application/x-rtp-stream," + caps, "!", "rtpstreamdepay", "!", "application/x-rtp," + caps, "!",
                "rtp" + name + "depay", "!", name + "dec", "!", "video/x-raw,format=I420", "!", "filesink",
                "location=" + pictures));
        long pictureSize = (long) width * height * 3 / 2;
        long bytes = Files.size(pictures);
        if (bytes % pictureSize != 0) {
            throw new AssertionError("GStreamer wrote " + bytes + " bytes: not whole " + width + "x" + height
                    + " pictures");
        }
        return (int) (bytes / pictureSize);
    }
}
