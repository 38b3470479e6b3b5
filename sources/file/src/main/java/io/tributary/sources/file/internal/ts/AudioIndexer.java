package io.tributary.sources.file.internal.ts;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.sources.file.internal.container.TrackFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes an AAC stream in ADTS frames: each frame is a sample of its raw data (without header
 * and CRC), 1024 samples long. A PES's PTS times the first frame that starts in it
 * (ISO/IEC 13818-1 §2.4.3.7); the frames after it follow 1024 samples apart. Frames may
 * straddle PES packets. Frames of several raw data blocks, or of another rate or channel
 * layout than the first, cannot be served as one access unit of the stream: they are skipped
 * (their time still passes).
 */
final class AudioIndexer extends StreamIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(AudioIndexer.class);

    private final TsSamples.Builder samples = new TsSamples.Builder(true);
    private final byte[] header = new byte[AdtsHeader.FIXED_SIZE + 2];
    private AdtsHeader first;
    private int headerFilled;
    private AdtsHeader frame;
    private int bodyRemaining;
    private boolean keepFrame;
    private int firstPacket;
    private int offset;
    private int lastPacket;
    /** The PTS of the current PES, until a frame starts in it; none when NO_TIME. */
    private long pendingPts = NO_TIME;
    /** The PTS the frame being read started under, none when NO_TIME. */
    private long headerPts = NO_TIME;
    /** The PTS that times the current run of frames, none when NO_TIME (frames are then dropped). */
    private long runPts = NO_TIME;
    private long runFrames;
    private int skippedFrames;

    /** Whether the stream is only taken for ADTS when its first payload starts with a header. */
    private final boolean probing;
    private boolean notAdts;
    private boolean seenPayload;

    /**
     * @param probing whether the PMT does not say that the stream is ADTS (private data), so that
     *                its first payload must start with an ADTS header for it to be used
     */
    AudioIndexer(int pid, boolean probing) {
        super(pid);
        this.probing = probing;
    }

    @Override
    void beginPes(long pts, long dts) {
        if (pts != NO_TIME) {
            pendingPts = pts;
        }
    }

    @Override
    void payload(byte[] b, int from, int to, int packetIndex, int at) throws IOException {
        if (!seenPayload) {
            seenPayload = true;
            notAdts = probing && !(to - from >= 2 && AdtsHeader.isSync(b[from] & 0xFF, b[from + 1] & 0xFF));
        }
        if (notAdts) {
            return;
        }
        int i = from;
        while (i < to) {
            if (frame != null) {
                if (bodyRemaining == frame.rawSize()) {
                    firstPacket = packetIndex;
                    offset = i - at;
                }
                int take = Math.min(to - i, bodyRemaining);
                bodyRemaining -= take;
                lastPacket = packetIndex;
                i += take;
                if (bodyRemaining == 0) {
                    endFrame();
                }
                continue;
            }
            int v = b[i++] & 0xFF;
            if (headerFilled == 0) {
                if (v != 0xFF) {
                    continue; // hunting for a syncword
                }
                headerPts = pendingPts;
                pendingPts = NO_TIME;
            }
            header[headerFilled++] = (byte) v;
            if (headerFilled == 2 && !AdtsHeader.isSync(header[0] & 0xFF, v)) {
                resync(v == 0xFF);
                continue;
            }
            if (headerFilled < AdtsHeader.FIXED_SIZE) {
                continue;
            }
            AdtsHeader parsed = AdtsHeader.parse(header, 0);
            if (parsed == null) {
                resync(false);
            } else if (headerFilled == parsed.headerSize()) {
                frame = parsed;
                startFrame();
            }
        }
    }

    /** Not a header after all: the byte at hand may start the next one. */
    private void resync(boolean startsAgain) {
        if (headerPts != NO_TIME && pendingPts == NO_TIME) {
            pendingPts = headerPts;
        }
        headerPts = NO_TIME;
        headerFilled = 0;
        if (startsAgain) {
            header[0] = (byte) 0xFF;
            headerFilled = 1;
            headerPts = pendingPts;
            pendingPts = NO_TIME;
        }
    }

    private void startFrame() {
        headerFilled = 0;
        bodyRemaining = frame.rawSize();
        if (headerPts != NO_TIME) {
            runPts = headerPts;
            runFrames = 0;
        }
        headerPts = NO_TIME;
        if (first == null) {
            first = frame;
        }
        keepFrame = runPts != NO_TIME && frame.blocks() == 1 && frame.sameStream(first);
    }

    private void endFrame() throws IOException {
        if (keepFrame) {
            samples.add(runPts, (int) runFrames, firstPacket, offset, lastPacket, frame.rawSize(), true);
        } else {
            skippedFrames++;
        }
        if (runPts != NO_TIME) {
            runFrames += frame.blocks();
            if (runFrames > Integer.MAX_VALUE / 1024) {
                runPts = NO_TIME; // a stream that stopped carrying times
            }
        }
        frame = null;
    }

    @Override
    void finishPes() {
        // frames may go on in the next PES
    }

    @Override
    void abortPes() {
        frame = null;
        headerFilled = 0;
        headerPts = NO_TIME;
        pendingPts = NO_TIME;
        runPts = NO_TIME; // frames were lost: the time of the next ones is unknown until a PTS
    }

    @Override
    void endStream() {
        if (skippedFrames > 0) {
            LOG.debug("PID {}: skipped {} ADTS frames (no PTS yet, several raw data blocks, or a changed format)",
                    pid, skippedFrames);
        }
    }

    @Override
    TrackFormat format() {
        if (notAdts) {
            LOG.debug("PID {}: skipped, private data that is not ADTS", pid);
            return null;
        }
        if (first == null) {
            return null;
        }
        return new TrackFormat(MediaType.AUDIO,
                new Encoding("MPEG4-GENERIC", first.sampleRate(), first.channelCount()),
                ByteBuffer.wrap(first.audioSpecificConfig()), 0, 0, 0);
    }

    @Override
    TsSamples.Builder samples() {
        return samples;
    }
}
