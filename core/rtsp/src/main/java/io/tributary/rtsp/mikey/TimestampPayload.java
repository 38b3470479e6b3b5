package io.tributary.rtsp.mikey;

import io.tributary.rtsp.rtp.NtpTime;
import java.time.Instant;

/**
 * The T payload (RFC 3830 §6.6): when the message was made, against replays.
 *
 * @param type  {@link #NTP_UTC}, {@link #NTP} (64-bit NTP times) or {@link #COUNTER} (32 bits)
 * @param value the timestamp, unsigned in the type's width
 */
public record TimestampPayload(int type, long value) implements MikeyPayload {
    public static final int NTP_UTC = 0;
    public static final int NTP = 1;
    public static final int COUNTER = 2;

    public TimestampPayload {
        if (type < NTP_UTC || type > COUNTER) {
            throw new IllegalArgumentException("unknown timestamp type " + type);
        }
        if (type == COUNTER && (value < 0 || value > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("a counter timestamp has 32 bits");
        }
    }

    public static TimestampPayload ntpUtc(Instant instant) {
        return new TimestampPayload(NTP_UTC, NtpTime.fromInstant(instant));
    }

    /** Bytes of the value on the wire. */
    int valueLength() {
        return type == COUNTER ? 4 : 8;
    }
}
