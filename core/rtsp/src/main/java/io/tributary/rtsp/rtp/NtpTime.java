package io.tributary.rtsp.rtp;

import java.time.Instant;

/**
 * 64-bit NTP timestamps (RFC 3550 §4): seconds since 1900-01-01 in the high 32 bits, the
 * fraction of a second in the low 32 bits. Valid until 2036 (era 0), like every sender.
 */
public final class NtpTime {
    /** Seconds from 1900-01-01 to 1970-01-01. */
    static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private NtpTime() {
    }

    public static long fromEpochMillis(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000) + EPOCH_OFFSET_SECONDS;
        long fraction = ((long) Math.floorMod(epochMillis, 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }

    public static long fromInstant(Instant instant) {
        long seconds = instant.getEpochSecond() + EPOCH_OFFSET_SECONDS;
        long fraction = ((long) instant.getNano() << 32) / 1_000_000_000L;
        return (seconds << 32) | fraction;
    }

    public static long toEpochMillis(long ntp) {
        long seconds = (ntp >>> 32) - EPOCH_OFFSET_SECONDS;
        return seconds * 1000 + (((ntp & 0xFFFF_FFFFL) * 1000 + (1L << 31)) >>> 32);
    }

    /** The middle 32 bits, as RTCP's LSR field carries them. */
    public static long middle32(long ntp) {
        return (ntp >>> 16) & 0xFFFF_FFFFL;
    }
}
