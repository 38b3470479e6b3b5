package io.tributary.transports.multicast.internal;

import java.util.Arrays;

/**
 * Which packets of a live track a group has sent, by RTP sequence number, so that a packet
 * goes to the group once however many readers hand it over. Every reader of a live path gets
 * the same packets with the same sequence numbers, but not always as the same frame objects
 * (a large keyframe goes out to readers in parts, while a joining reader gets it whole from
 * the keyframe cache), so the sequence number, not the frame, is what identifies a packet.
 *
 * <p>One bit per sequence number (8 KB). The bits of the half of the number space ahead of the
 * newest packet are kept clear, so a number is free again when it comes round. A packet newer
 * than the newest goes out; an older one only if no reader sent it yet and it is at most
 * {@link #MAX_LATE} packets behind (a reader whose event loop lags a little behind another's):
 * what is older than that is a joining reader's cached frames, which the group's receivers
 * already have or no longer want. A new SSRC (the stream was published again) starts afresh.
 * Not thread-safe: its group serialises the calls.
 */
final class SentSequences {
    /** How far behind the newest packet a packet no reader sent yet still goes out. */
    static final int MAX_LATE = 512;
    private static final int HALF = 0x8000;
    private final long[] sent = new long[0x10000 / 64];
    private boolean started;
    private long ssrc;
    private int newest;

    /** {@code true} when the packet is to go out now: then it counts as sent. */
    boolean claim(int sequenceNumber, long ssrc) {
        int sequence = sequenceNumber & 0xFFFF;
        if (!started || ssrc != this.ssrc) {
            Arrays.fill(sent, 0);
            started = true;
            this.ssrc = ssrc;
            newest = sequence;
            mark(sequence);
            return true;
        }
        int ahead = (sequence - newest) & 0xFFFF;
        if (ahead != 0 && ahead < HALF) {
            // the numbers that now enter the half ahead of the newest were sent a half-cycle ago
            for (int i = 1; i <= ahead; i++) {
                clear((newest + HALF + i) & 0xFFFF);
            }
            newest = sequence;
            mark(sequence);
            return true;
        }
        int behind = (newest - sequence) & 0xFFFF;
        if (behind > MAX_LATE || isMarked(sequence)) {
            return false;
        }
        mark(sequence);
        return true;
    }

    private void mark(int sequence) {
        sent[sequence >>> 6] |= 1L << (sequence & 63);
    }

    private void clear(int sequence) {
        sent[sequence >>> 6] &= ~(1L << (sequence & 63));
    }

    private boolean isMarked(int sequence) {
        return (sent[sequence >>> 6] & (1L << (sequence & 63))) != 0;
    }
}
