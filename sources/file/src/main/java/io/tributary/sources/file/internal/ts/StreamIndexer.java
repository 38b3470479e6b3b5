package io.tributary.sources.file.internal.ts;

import io.tributary.sources.file.internal.container.TrackFormat;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes one elementary stream during the pass over the file: checks the continuity counter
 * of its packets, reassembles its PES packets and hands their payload, with the position of
 * each byte, to the codec's indexer. A continuity gap, a PES longer or shorter than its header
 * says, or a PES header that does not fit its first packet drops the PES being built (counted
 * in {@link #droppedPes}); the stream resumes at the next unit start.
 *
 * <p>Every packet of the PID that carries a payload and is not a duplicate (same counter,
 * ISO/IEC 13818-1 §2.4.3.3) is part of the stream; the bytes of a sample are exactly those
 * of the stream's packets between its first and last packet with PES headers left out: the
 * rule {@link PayloadReader} follows to read it.
 */
abstract sealed class StreamIndexer permits VideoIndexer, AudioIndexer {
    /** A time that is absent (unwrapped times may be negative: before a wrap at the start). */
    static final long NO_TIME = Long.MIN_VALUE;
    private static final Logger LOG = LoggerFactory.getLogger(StreamIndexer.class);

    final int pid;
    private int lastContinuity = -1;
    private boolean inPes;
    private int pesRemaining;
    private int droppedPes;

    StreamIndexer(int pid) {
        this.pid = pid;
    }

    /**
     * Feeds one packet of this PID.
     *
     * @param b           the buffer holding the packet
     * @param at          its sync byte
     * @param packetIndex the packet's number in the file
     * @throws IOException when the stream has more samples than an index may hold
     */
    final void packet(byte[] b, int at, int packetIndex, Unwrapper times) throws IOException {
        if (!TsPacket.hasPayload(b, at)) {
            return;
        }
        int continuity = TsPacket.continuity(b, at);
        if (lastContinuity >= 0 && !TsPacket.discontinuity(b, at)) {
            if (continuity == lastContinuity) {
                return; // a duplicate packet
            }
            if (continuity != ((lastContinuity + 1) & 0x0F)) {
                drop("continuity counter jumps from " + lastContinuity + " to " + continuity + " at packet "
                        + packetIndex);
            }
        }
        lastContinuity = continuity;
        int start = TsPacket.payloadStart(b, at);
        int end = at + TsPacket.SIZE;
        if (TsPacket.unitStart(b, at)) {
            if (inPes) {
                endPes();
            }
            PesHeader header;
            try {
                header = PesHeader.parse(b, start, end);
            } catch (IOException e) {
                inPes = true; // counted as dropped: it was a PES
                drop(e.getMessage() + " at packet " + packetIndex);
                return;
            }
            inPes = true;
            pesRemaining = header.payloadLength();
            long pts = header.pts() < 0 ? NO_TIME : times.unwrap(header.pts());
            long dts = header.dts() < 0 ? pts : times.unwrap(header.dts());
            beginPes(pts, dts);
            start += header.length();
        }
        if (!inPes || start >= end) {
            return;
        }
        if (pesRemaining >= 0) {
            if (end - start > pesRemaining) {
                drop("PES runs past its length at packet " + packetIndex);
                return;
            }
            pesRemaining -= end - start;
        }
        payload(b, start, end, packetIndex, at);
        if (pesRemaining == 0) {
            endPes();
        }
    }

    /**
     * The file ended: completes the PES being built when it has no length to fall short of and
     * the file was not cut inside a packet.
     */
    final void end(boolean cut) throws IOException {
        if (inPes && (pesRemaining > 0 || cut)) {
            drop("the file ends inside a PES");
        } else if (inPes) {
            endPes();
        }
        endStream();
    }

    /** PES packets dropped for a continuity gap, a bad header or a wrong length. */
    final int droppedPes() {
        return droppedPes;
    }

    private void endPes() throws IOException {
        inPes = false;
        finishPes();
    }

    private void drop(String why) {
        if (inPes) {
            droppedPes++;
            LOG.debug("PID {}: dropped a PES: {}", pid, why);
        }
        inPes = false;
        abortPes();
    }

    /** A PES starts; its times are unwrapped 90 kHz ticks, {@link #NO_TIME} when absent (DTS: the PTS). */
    abstract void beginPes(long pts, long dts);

    /** Payload bytes {@code b[from, to)} of the PES, in the packet numbered {@code packetIndex} that starts at {@code at}. */
    abstract void payload(byte[] b, int from, int to, int packetIndex, int at) throws IOException;

    /** The PES ended whole. */
    abstract void finishPes() throws IOException;

    /** The PES being built is dropped: forget any sample that overlaps it. */
    abstract void abortPes();

    /** The file ended (after the last PES was finished or dropped). */
    void endStream() {
    }

    /** The track format, or {@code null} (logged) when the stream turned out unplayable. */
    abstract TrackFormat format();

    abstract TsSamples.Builder samples();

    /** Counts a sample the indexer dropped on its own (no time, too large), as part of a dropped PES. */
    final void countDropped(String why) {
        droppedPes++;
        LOG.debug("PID {}: dropped {}", pid, why);
    }
}
