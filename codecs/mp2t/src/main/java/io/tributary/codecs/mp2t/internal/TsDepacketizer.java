package io.tributary.codecs.mp2t.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.payload.Depacketizer;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One access unit per RTP packet: its payload, copied (the packet's buffer may be reused once
 * {@link #push} returns), at the packet's timestamp. A payload that is not a run of whole TS
 * packets with their sync bytes is dropped and counted.
 *
 * <h2>Keyframes: where a new reader can start</h2>
 * A reader of a live path starts on the last keyframe the stream cached. To decode from there a
 * demultiplexer needs the PAT, then the PMT it points at, and only then takes the video PID's
 * packets; the video decoder then needs a picture it can start on, which muxers flag with the
 * adaptation field's random_access_indicator on the first packet of its PES packet. So a
 * keyframe is the unit where a PAT starts that is followed, before any other video PES packet
 * starts, by a PMT and a video PES packet with random_access_indicator set, and where no video
 * PES packet starts before the PAT: ffmpeg (whose TS reader, over RTSP too, takes up a PES
 * packet of a PID no PMT announced yet) would decode that picture without its reference and
 * complain. Packets before the PAT that only continue a PES packet are skipped by every
 * demultiplexer. ffmpeg writes
 * SDT, PAT, PMT right before every video keyframe, so each of its keyframes is a start; GStreamer's
 * mpegtsmux repeats the tables on a timer only, so its starts are the keyframes a periodic PAT
 * happens to precede (readers then start from the last such one: cleanly, a little further
 * back). Starting on a PAT alone would hand the decoder pictures predicted from ones it never
 * saw, and starting on the flagged picture alone would lose it while the demultiplexer waits for
 * tables (ffmpeg ignores PIDs no PMT announced). Audio flagged random-access is not a start: it
 * is not the stream that readers wait for.
 *
 * <p>Whether a PAT starts a reader is known only when the next video PES packet starts, so the
 * units from a PAT on are held until then: at most {@value #MAX_HELD_UNITS} units, after which
 * they go out as they are (so the hold costs at most that many packets of latency, and with the
 * muxers above, which put the video PES right after the tables, at most one). A gap in sequence
 * numbers ends the hold too. A program without video starts on a PAT followed by its PMT; a stream
 * whose muxer never sets random_access_indicator (seen as
 * {@value #STARTS_WITHOUT_RANDOM_ACCESS} video PES packets in a row without it) starts on a PAT,
 * PMT and any video PES packet, so that readers start at all.
 */
final class TsDepacketizer implements Depacketizer {
    static final int MAX_HELD_UNITS = 8;
    static final int STARTS_WITHOUT_RANDOM_ACCESS = 300;

    /** A unit not given out yet; its keyframe flag is decided while it is held. */
    private static final class Held {
        final long time;
        final ByteBuffer data;
        boolean keyframe;

        Held(long time, ByteBuffer data) {
            this.time = time;
            this.data = data;
        }
    }

    private final int track;
    private final ProgramMap programs = new ProgramMap();
    /** Units not given out yet: none, or the candidate first and those after it. */
    private final ArrayDeque<Held> held = new ArrayDeque<>(MAX_HELD_UNITS + 1);
    /** The unit whose PAT may start a reader, until the next video PES start decides. */
    private Held candidate;
    private boolean candidateHasMap;
    private int expectedSequence = -1;
    private int videoStartsWithoutRandomAccess;
    /** Whether a video PES packet started earlier in the unit being read. */
    private boolean videoStartedInUnit;
    private long dropped;

    TsDepacketizer(int track) {
        this.track = track;
    }

    @Override
    public List<AccessUnit> push(RtpPacket packet) {
        ByteBuffer payload = packet.payload();
        if (!TsPacket.isRun(payload)) {
            dropped++;
            return List.of();
        }
        if (packet.sequenceNumber() != expectedSequence) {
            candidate = null; // what was lost may have been the tables or the picture
        }
        expectedSequence = (packet.sequenceNumber() + 1) & 0xFFFF;
        byte[] copy = new byte[payload.remaining()];
        payload.get(copy);
        Held unit = new Held(packet.timestamp(), ByteBuffer.wrap(copy));
        held.add(unit);
        videoStartedInUnit = false;
        for (int at = 0; at < copy.length; at += TsPacket.SIZE) {
            read(unit, at);
        }
        if (candidate != null && held.size() > MAX_HELD_UNITS) {
            candidate = null;
        }
        return release();
    }

    private void read(Held unit, int packet) {
        switch (programs.read(unit.data, packet)) {
            case PAT -> {
                // a reader starting on this unit would get that picture's start first
                candidate = videoStartedInUnit ? null : unit;
                candidateHasMap = false;
            }
            case PMT -> {
                if (candidate != null) {
                    candidateHasMap = true;
                    if (!programs.hasVideo()) {
                        decide(true);
                    }
                }
            }
            case VIDEO_RANDOM_ACCESS -> {
                videoStartedInUnit = true;
                videoStartsWithoutRandomAccess = 0;
                decide(candidateHasMap);
            }
            case VIDEO_START -> {
                videoStartedInUnit = true;
                videoStartsWithoutRandomAccess = Math.min(videoStartsWithoutRandomAccess + 1,
                        STARTS_WITHOUT_RANDOM_ACCESS);
                decide(candidateHasMap && videoStartsWithoutRandomAccess == STARTS_WITHOUT_RANDOM_ACCESS);
            }
            case OTHER -> {
                // passed through unread
            }
        }
    }

    /** The candidate's PAT starts a reader or not; a unit another PAT of it already made one stays one. */
    private void decide(boolean start) {
        if (candidate != null) {
            candidate.keyframe |= start;
            candidate = null;
        }
    }

    /** The held units before the candidate (all of them without one), in order. */
    private List<AccessUnit> release() {
        if (held.peekFirst() == candidate) {
            return List.of();
        }
        if (held.size() == 1) {
            return List.of(unit(held.pollFirst()));
        }
        List<AccessUnit> units = new ArrayList<>(held.size());
        while (!held.isEmpty() && held.peekFirst() != candidate) {
            units.add(unit(held.pollFirst()));
        }
        return units;
    }

    private AccessUnit unit(Held unit) {
        return new AccessUnit(track, unit.time, unit.time, unit.keyframe, unit.data);
    }

    @Override
    public long droppedUnits() {
        return dropped;
    }
}
