package io.tributary.codecs.mjpeg.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.payload.Depacketizer;
import io.tributary.rtsp.rtp.RtpSequence;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Reassembles JPEG images from RTP/JPEG packets (RFC 2435) and rebuilds their headers
 * ({@link JfifHeader}): quantization tables from the quantization table header of the first
 * packet, or from Q 1–99 (Appendix A), or, for Q 128–254 sent without tables, from the last
 * tables that Q came with. Every image is a keyframe at its packets' RTP timestamp.
 *
 * <p>A frame is the packets of one timestamp; the one with fragment offset 0 starts it, each
 * next one must continue at the offset where the data so far ends, and the marker bit ends it.
 * The frame is dropped and counted, and the rest of its packets ignored until the next offset
 * 0, when a sequence gap follows one of its packets, its offsets leave a gap, the timestamp
 * changes before the marker, a packet disagrees with the first on type, Q or size, the data
 * holds a marker that would end the image early, it would exceed the size bound, or a header
 * is malformed or unsupported: types other than 0, 1, 64 and 65, reserved Q values, 16-bit or
 * missing tables, a size of 0. Duplicated and late packets are ignored ({@link RtpSequence}).
 * The type-specific field is not looked at: an interlaced field comes out as an image of its own.
 *
 * <p>Units are copies: a packet's payload is only valid during {@link #push}.
 */
final class JpegDepacketizer implements Depacketizer {
    /** Default bound on a rebuilt image. */
    static final int DEFAULT_MAX_IMAGE_SIZE = 8 * 1024 * 1024;
    private static final int INITIAL_CAPACITY = 64 * 1024;
    private static final int EOI_SIZE = 2;

    private final int track;
    private final int maxImageSize;
    private final RtpSequence sequence = new RtpSequence();
    /** Tables last received with each Q of 128–254, by Q - 128: luminance then chrominance. */
    private final byte[][] cachedTables = new byte[JpegPayloadHeader.DYNAMIC_Q - JpegPayloadHeader.FIRST_IN_BAND_Q][];
    private long dropped;

    /** A frame is open: packets with {@link #timestamp} belong to it. */
    private boolean open;
    private long timestamp;
    /** The open frame is damaged: ignore its packets, emit nothing for it. */
    private boolean damaged;
    /** The headers of the open frame's first packet; null until it came. */
    private JpegPayloadHeader first;
    /** Where the next packet's data must begin. */
    private int nextOffset;
    /** The last data byte was 0xFF: the next one must not end the scan. */
    private boolean afterFF;
    private byte[] image = new byte[INITIAL_CAPACITY];
    private int size;

    /**
     * @param track        the index of the track the units belong to
     * @param maxImageSize the largest image, headers included, in bytes
     */
    JpegDepacketizer(int track, int maxImageSize) {
        this.track = track;
        this.maxImageSize = maxImageSize;
    }

    @Override
    public List<AccessUnit> push(RtpPacket packet) {
        RtpSequence.Arrival arrival = sequence.next(packet.sequenceNumber(), packet.ssrc());
        if (arrival == RtpSequence.Arrival.STALE) {
            return List.of();
        }
        if (open && (arrival == RtpSequence.Arrival.AFTER_GAP || packet.timestamp() != timestamp)) {
            damage(); // the lost packets may be this frame's; a new timestamp means its end was lost
        }
        if (open && packet.timestamp() != timestamp) {
            reset();
        }
        if (!open) {
            open = true;
            timestamp = packet.timestamp();
        }
        if (!damaged && !read(packet.payload())) {
            damage();
        }
        return packet.marker() ? close() : List.of();
    }

    @Override
    public long droppedUnits() {
        return dropped;
    }

    /** Adds one payload to the open frame; {@code false} when it cannot belong to a whole frame. */
    private boolean read(ByteBuffer payload) {
        JpegPayloadHeader header = JpegPayloadHeader.read(payload);
        if (header == null) {
            return false;
        }
        if (first == null) {
            if (header.fragmentOffset() != 0 || !start(header, payload)) {
                return false;
            }
        } else if (!first.sameFrame(header) || header.fragmentOffset() == 0) {
            return false;
        }
        if (header.fragmentOffset() != nextOffset || size + payload.remaining() + EOI_SIZE > maxImageSize) {
            return false;
        }
        return append(payload);
    }

    /** Begins the image with the headers the first packet describes; {@code false} when it cannot. */
    private boolean start(JpegPayloadHeader header, ByteBuffer payload) {
        int type = header.type() & ~JpegPayloadHeader.RESTART_FLAG;
        if (header.type() >= 128 || type > JfifHeader.TYPE_420 || header.widthBlocks() == 0
                || header.heightBlocks() == 0) {
            return false;
        }
        byte[] tables = tables(header.q(), payload);
        if (tables == null) {
            return false;
        }
        JfifHeader jfif = new JfifHeader(type, header.widthBlocks() * 8, header.heightBlocks() * 8,
                header.restartInterval(), Arrays.copyOf(tables, 64), Arrays.copyOfRange(tables, 64, 128));
        if (jfif.size() + EOI_SIZE > maxImageSize) {
            return false;
        }
        ensureCapacity(jfif.size());
        ByteBuffer out = ByteBuffer.wrap(image);
        jfif.write(out);
        size = out.position();
        first = header;
        nextOffset = 0;
        afterFF = false;
        return true;
    }

    /**
     * The luminance and chrominance tables of the first packet (128 bytes), reading its
     * quantization table header when Q says there is one; {@code null} when there are none
     * to use. One 64-byte table in band (ffmpeg sends one when the image has one) serves both.
     */
    private byte[] tables(int q, ByteBuffer payload) {
        if (q < JpegPayloadHeader.FIRST_IN_BAND_Q) {
            return q >= 1 && q <= QuantizationTables.MAX_SCALED_Q ? QuantizationTables.forQ(q) : null;
        }
        if (payload.remaining() < JpegPayloadHeader.QUANTIZATION_SIZE) {
            return null;
        }
        payload.get(); // MBZ
        int precision = payload.get() & 0xFF;
        int length = payload.getShort() & 0xFFFF;
        if (length == 0) {
            return q == JpegPayloadHeader.DYNAMIC_Q ? null : cachedTables[q - JpegPayloadHeader.FIRST_IN_BAND_Q];
        }
        if (precision != 0 || (length != 64 && length != 128) || payload.remaining() < length) {
            return null; // 16-bit tables have no place in a baseline image
        }
        byte[] tables = new byte[128];
        payload.get(tables, 0, length);
        if (length == 64) {
            System.arraycopy(tables, 0, tables, 64, 64);
        }
        if (q != JpegPayloadHeader.DYNAMIC_Q) {
            cachedTables[q - JpegPayloadHeader.FIRST_IN_BAND_Q] = tables;
        }
        return tables;
    }

    /**
     * Appends entropy-coded data; {@code false} when a 0xFF in it is followed by what would
     * end the scan (only stuffed zeros, restart markers and fill bytes may follow), as the
     * image would then be malformed.
     */
    private boolean append(ByteBuffer data) {
        int length = data.remaining();
        int at = data.position();
        for (int i = 0; i < length; i++) {
            int b = data.get(at + i) & 0xFF;
            if (afterFF && !JpegMarker.continuesScan(b)) {
                return false;
            }
            afterFF = b == 0xFF;
        }
        ensureCapacity(size + length);
        data.get(image, size, length);
        size += length;
        nextOffset += length;
        return true;
    }

    private void ensureCapacity(int needed) {
        if (needed > image.length) {
            image = Arrays.copyOf(image, Math.min(Math.max(needed, image.length * 2), maxImageSize));
        }
    }

    private void damage() {
        if (!damaged) {
            damaged = true;
            dropped++;
        }
    }

    /** Ends the open frame at its marker: the image when whole, else nothing. */
    private List<AccessUnit> close() {
        if (!damaged && (first == null || nextOffset == 0)) {
            damage(); // a marker without a frame start or without data
        }
        List<AccessUnit> units = List.of();
        if (!damaged) {
            byte[] whole = Arrays.copyOf(image, size + EOI_SIZE);
            whole[size] = (byte) 0xFF;
            whole[size + 1] = (byte) JpegMarker.EOI;
            units = List.of(new AccessUnit(track, timestamp, timestamp, true, ByteBuffer.wrap(whole)));
        }
        reset();
        return units;
    }

    private void reset() {
        open = false;
        damaged = false;
        first = null;
        nextOffset = 0;
        afterFF = false;
        size = 0;
    }
}
