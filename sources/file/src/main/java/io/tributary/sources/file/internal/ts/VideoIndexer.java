package io.tributary.sources.file.internal.ts;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.sources.file.internal.container.TrackFormat;
import java.io.IOException;

/**
 * Indexes an H.264 or H.265 stream: each PES is one access unit, a keyframe when it holds a
 * random access picture; its configuration record comes from the first parameter sets.
 */
final class VideoIndexer extends StreamIndexer {
    private final boolean hevc;
    private final ParameterSets parameterSets;
    private final NalScanner scanner;
    private final TsSamples.Builder samples = new TsSamples.Builder(false);
    private long pts;
    private long dts;
    private int size;
    private int firstPacket;
    private int offset;
    private int lastPacket;

    VideoIndexer(int pid, boolean hevc) {
        super(pid);
        this.hevc = hevc;
        this.parameterSets = new ParameterSets(hevc);
        this.scanner = new NalScanner(hevc, parameterSets);
    }

    @Override
    void beginPes(long pts, long dts) {
        this.pts = pts;
        this.dts = dts;
        this.size = 0;
        scanner.reset();
    }

    @Override
    void payload(byte[] b, int from, int to, int packetIndex, int at) {
        if (size == 0) {
            firstPacket = packetIndex;
            offset = from - at;
        }
        size = (int) Math.min(Integer.MAX_VALUE, (long) size + (to - from));
        lastPacket = packetIndex;
        scanner.feed(b, from, to);
    }

    @Override
    void finishPes() throws IOException {
        scanner.end();
        if (size == 0) {
            return;
        }
        if (pts == NO_TIME) {
            countDropped("an access unit without PTS at packet " + firstPacket);
        } else if (size > TsSamples.MAX_SAMPLE_SIZE) {
            countDropped("an access unit of " + size + " bytes at packet " + firstPacket);
        } else if (dts > pts || pts - dts > Integer.MAX_VALUE) {
            countDropped("an access unit decoded " + (pts - dts) + " ticks before it shows at packet " + firstPacket);
        } else {
            samples.add(pts, (int) (pts - dts), firstPacket, offset, lastPacket, size, scanner.keyframe());
        }
        size = 0;
    }

    @Override
    void abortPes() {
        scanner.reset();
        size = 0;
    }

    @Override
    TrackFormat format() {
        return new TrackFormat(MediaType.VIDEO, new Encoding(hevc ? "H265" : "H264", 90000, 0),
                parameterSets.record(), 0, 0, 4);
    }

    @Override
    TsSamples.Builder samples() {
        return samples;
    }
}
