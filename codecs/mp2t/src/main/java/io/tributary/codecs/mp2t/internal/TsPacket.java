package io.tributary.codecs.mp2t.internal;

import java.nio.ByteBuffer;

/**
 * The fixed header of a transport stream packet (ISO/IEC 13818-1 §2.4.3.2-3), read in place
 * at an absolute offset of a buffer: a passthrough reads a few bits of each packet and
 * allocates nothing for it.
 */
final class TsPacket {
    static final int SIZE = 188;
    static final int SYNC_BYTE = 0x47;
    static final int PAT_PID = 0;

    private TsPacket() {
    }

    /**
     * Whether {@code data} between its position and limit is a non-empty run of whole packets,
     * each starting with the sync byte: the only layout RFC 2250 §2 allows in a payload.
     */
    static boolean isRun(ByteBuffer data) {
        int length = data.remaining();
        if (length == 0 || length % SIZE != 0) {
            return false;
        }
        for (int at = data.position(); at < data.limit(); at += SIZE) {
            if ((data.get(at) & 0xFF) != SYNC_BYTE) {
                return false;
            }
        }
        return true;
    }

    static int pid(ByteBuffer data, int packet) {
        return (data.get(packet + 1) & 0x1F) << 8 | data.get(packet + 2) & 0xFF;
    }

    /** payload_unit_start_indicator: a PES packet or a PSI section starts in this packet. */
    static boolean unitStart(ByteBuffer data, int packet) {
        return (data.get(packet + 1) & 0x40) != 0;
    }

    /** transport_error_indicator: a demodulator marked the packet as damaged; nothing in it is trusted. */
    static boolean damaged(ByteBuffer data, int packet) {
        return (data.get(packet + 1) & 0x80) != 0;
    }

    /** random_access_indicator of the adaptation field (§2.4.3.5), false without one. */
    static boolean randomAccess(ByteBuffer data, int packet) {
        int control = data.get(packet + 3) >> 4 & 3;
        return (control & 2) != 0 && (data.get(packet + 4) & 0xFF) > 0 && (data.get(packet + 5) & 0x40) != 0;
    }

    /**
     * The absolute offset of the packet's payload, or -1 when it has none (adaptation field
     * only, reserved control value, or an adaptation field longer than the packet).
     */
    static int payloadOffset(ByteBuffer data, int packet) {
        int control = data.get(packet + 3) >> 4 & 3;
        if ((control & 1) == 0) {
            return -1;
        }
        int offset = packet + 4;
        if ((control & 2) != 0) {
            offset += 1 + (data.get(packet + 4) & 0xFF);
        }
        return offset < packet + SIZE ? offset : -1;
    }
}
