package io.tributary.codecs.mjpeg.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.payload.Packetizer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts JPEG images into RTP/JPEG payloads (RFC 2435 §3): type 0 or 1 (+64 with restart
 * markers, with the restart marker header in every packet), Q 255 with the image's own
 * quantization tables in the first packet (luminance, then chrominance: always both, which
 * every receiver understands), then the entropy-coded data cut at the payload size, each
 * packet saying where its data belongs. The frame is not cut at restart intervals (F and L
 * set, count 0x3FFF).
 *
 * <p>An image RFC 2435 cannot carry (see {@link JpegImage#parse}) makes {@link #packetize}
 * throw an {@link IllegalArgumentException} saying why: the engine drops and counts that
 * unit. The first refusal is also logged, once per packetizer, since every frame of such a
 * source will be refused for the same reason.
 */
final class JpegPacketizer implements Packetizer {
    private static final Logger LOG = LoggerFactory.getLogger(JpegPacketizer.class);
    /** In-band tables: luminance and chrominance, 8-bit. */
    private static final int TABLES_SIZE = 128;
    /** The headers of a first packet with restart markers, and one byte of data. */
    static final int MIN_PAYLOAD_SIZE = JpegPayloadHeader.MAIN_SIZE + JpegPayloadHeader.RESTART_SIZE
            + JpegPayloadHeader.QUANTIZATION_SIZE + TABLES_SIZE + 1;

    private final int track;
    private final int maxPayloadSize;
    private long refused;

    /**
     * @throws IllegalArgumentException when {@code maxPayloadSize} is below {@value #MIN_PAYLOAD_SIZE}
     */
    JpegPacketizer(int track, int maxPayloadSize) {
        if (maxPayloadSize < MIN_PAYLOAD_SIZE) {
            throw new IllegalArgumentException("JPEG track " + track + ": payloads of " + maxPayloadSize
                    + " bytes cannot hold the RTP/JPEG headers and tables (" + MIN_PAYLOAD_SIZE + " at least)");
        }
        this.track = track;
        this.maxPayloadSize = maxPayloadSize;
    }

    /**
     * @throws IllegalArgumentException when the unit is not an image RFC 2435 can carry
     */
    @Override
    public List<ByteBuffer> packetize(AccessUnit unit) {
        JpegImage image;
        try {
            image = JpegImage.parse(unit.dataView());
        } catch (IllegalArgumentException e) {
            if (refused++ == 0) {
                LOG.warn("JPEG track {}: image left out, and any like it (said once): {}", track, e.getMessage());
            }
            throw new IllegalArgumentException("JPEG track " + track + ": " + e.getMessage(), e);
        }
        ByteBuffer scan = image.scanView();
        if (scan.remaining() > JpegPayloadHeader.MAX_OFFSET) {
            refused++;
            throw new IllegalArgumentException("JPEG track " + track + ": " + scan.remaining()
                    + " bytes of entropy-coded data do not fit RTP/JPEG's 24-bit fragment offsets");
        }
        JfifHeader header = image.header();
        int type = header.type() + (header.restartInterval() > 0 ? JpegPayloadHeader.RESTART_FLAG : 0);
        List<ByteBuffer> payloads = new ArrayList<>(1 + scan.remaining() / maxPayloadSize);
        int offset = 0;
        do {
            JpegPayloadHeader headers = new JpegPayloadHeader(0, offset, type, JpegPayloadHeader.DYNAMIC_Q,
                    header.width() / 8, header.height() / 8, header.restartInterval());
            int room = maxPayloadSize - headers.size()
                    - (offset == 0 ? JpegPayloadHeader.QUANTIZATION_SIZE + TABLES_SIZE : 0);
            int length = Math.min(room, scan.remaining());
            ByteBuffer payload = ByteBuffer.allocate(maxPayloadSize - room + length);
            headers.write(payload);
            if (offset == 0) {
                payload.put((byte) 0).put((byte) 0).putShort((short) TABLES_SIZE); // MBZ, 8-bit, length
                payload.put(header.luma()).put(header.chroma());
            }
            payload.put(scan.slice(scan.position(), length));
            scan.position(scan.position() + length);
            payloads.add(payload.flip().asReadOnlyBuffer());
            offset += length;
        } while (scan.hasRemaining());
        return payloads;
    }

    /** Units refused so far because RFC 2435 cannot carry them. */
    long refusedUnits() {
        return refused;
    }

    @Override
    public boolean markerOnLast() {
        return true;
    }
}
