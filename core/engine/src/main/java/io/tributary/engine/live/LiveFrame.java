package io.tributary.engine.live;

import io.tributary.api.transport.PacketTransform;
import io.tributary.api.transport.RtpFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One access unit of a live stream as complete RTP packets in one direct buffer, made once
 * and shared read-only by every reader of the stream (readers of a live path share
 * sequence numbers, timestamps and SSRC, so no reader needs its own copy).
 *
 * @param index    stream-wide arrival number, to tell cached frames from live ones
 * @param track    track index
 * @param keyframe {@code true} for a video keyframe (and every audio frame)
 * @param firstSequence sequence number of the first packet
 * @param rtpTime  RTP timestamp of the packets
 */
final class LiveFrame implements RtpFrame {
    /** Different transformations kept per frame: one per shared key in use (SRTP suites). */
    private static final int MAX_TRANSFORMED = 4;
    private final long index;
    private final int track;
    private final boolean keyframe;
    private final int firstSequence;
    private final long rtpTime;
    private final ByteBuffer data;
    private final int[] offsets;
    private final int[] lengths;
    /** Interleaved layouts made so far: nearly every reader of a track uses the same channel. */
    private int interleavedChannel = -1;
    private ByteBuffer interleaved;
    private List<LiveFrame> parts;
    /** Transformed copies (SRTP with a stream's key) by their key; few per frame, so a small list. */
    private List<Map.Entry<Object, LiveFrame>> transformed;

    LiveFrame(long index, int track, boolean keyframe, int firstSequence, long rtpTime, ByteBuffer data,
              int[] offsets, int[] lengths) {
        this.index = index;
        this.track = track;
        this.keyframe = keyframe;
        this.firstSequence = firstSequence;
        this.rtpTime = rtpTime;
        this.data = data;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    long index() {
        return index;
    }

    int track() {
        return track;
    }

    boolean keyframe() {
        return keyframe;
    }

    int firstSequence() {
        return firstSequence;
    }

    long rtpTime() {
        return rtpTime;
    }

    @Override
    public ByteBuffer interleaved(int channel) {
        synchronized (this) {
            if (channel == interleavedChannel) {
                return interleaved.duplicate();
            }
        }
        ByteBuffer framed = ByteBuffer.allocateDirect(data.limit() + 4 * offsets.length);
        for (int i = 0; i < offsets.length; i++) {
            framed.put((byte) '$').put((byte) channel).putShort((short) lengths[i]);
            framed.put(data.slice(offsets[i], lengths[i]));
        }
        ByteBuffer made = framed.flip().asReadOnlyBuffer();
        synchronized (this) {
            if (interleavedChannel < 0) {
                interleavedChannel = channel;
                interleaved = made;
            }
        }
        return made.duplicate();
    }

    @Override
    public ByteBuffer packets() {
        return data.duplicate();
    }

    @Override
    public int packetCount() {
        return offsets.length;
    }

    @Override
    public int packetOffset(int index) {
        return offsets[index];
    }

    @Override
    public int packetLength(int index) {
        return lengths[index];
    }

    /**
     * The frame cut into parts of at most {@code maxPackets} packets, made once and shared, so
     * that a large keyframe can be paced out to readers instead of sent in one burst. Only the
     * first part counts as a keyframe: a reader that misses it drops the rest too.
     */
    synchronized List<LiveFrame> parts(int maxPackets) {
        if (parts == null) {
            List<LiveFrame> made = new ArrayList<>();
            for (int first = 0; first < offsets.length; first += maxPackets) {
                int end = Math.min(offsets.length, first + maxPackets);
                int start = offsets[first];
                int length = offsets[end - 1] + lengths[end - 1] - start;
                int[] partOffsets = new int[end - first];
                for (int i = first; i < end; i++) {
                    partOffsets[i - first] = offsets[i] - start;
                }
                made.add(new LiveFrame(index, track, keyframe && first == 0, (firstSequence + first) & 0xffff, rtpTime,
                        data.slice(start, length), partOffsets, Arrays.copyOfRange(lengths, first, end)));
            }
            parts = List.copyOf(made);
        }
        return parts;
    }

    @Override
    public synchronized RtpFrame transformed(Object key, PacketTransform transform) {
        if (transformed == null) {
            transformed = new ArrayList<>(2);
        }
        for (Map.Entry<Object, LiveFrame> made : transformed) {
            if (made.getKey().equals(key)) {
                return made.getValue();
            }
        }
        // made while holding this frame's lock: readers of the same frame wait for the one result
        LiveFrame made = transform(transform);
        if (transformed.size() < MAX_TRANSFORMED) {
            transformed.add(Map.entry(key, made));
        }
        return made;
    }

    @Override
    public LiveFrame transform(PacketTransform transform) {
        int overhead = transform.overhead();
        ByteBuffer out = ByteBuffer.allocateDirect(data.limit() + overhead * offsets.length);
        int[] newOffsets = new int[offsets.length];
        int[] newLengths = new int[offsets.length];
        int kept = 0;
        for (int i = 0; i < offsets.length; i++) {
            int at = out.position();
            int written = transform.apply(data.slice(offsets[i], lengths[i]).asReadOnlyBuffer(),
                    out.slice(at, lengths[i] + overhead));
            if (written < 0) {
                continue; // left out by the transform
            }
            newOffsets[kept] = at;
            newLengths[kept] = written;
            kept++;
            out.position(at + written);
        }
        return new LiveFrame(index, track, keyframe, firstSequence, rtpTime, out.flip().asReadOnlyBuffer(),
                Arrays.copyOf(newOffsets, kept), Arrays.copyOf(newLengths, kept));
    }

    /** Total bytes of the packets, headers included. */
    int size() {
        return data.limit();
    }

    /** RTP payload bytes (headers excluded), for sender report octet counts. */
    int payloadBytes() {
        return data.limit() - offsets.length * io.tributary.rtsp.rtp.RtpHeader.SIZE;
    }
}
