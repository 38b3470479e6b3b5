package io.tributary.codecs.mp2t.internal;

import java.nio.ByteBuffer;

/**
 * Hand-made TS packets of one program as ffmpeg lays it out: PMT on PID {@value #PMT_PID},
 * H.264 on {@value #VIDEO_PID}, AAC on {@value #AUDIO_PID}; and units made of them.
 */
final class TransportStreams {
    static final int PMT_PID = 0x1000;
    static final int VIDEO_PID = 0x100;
    static final int AUDIO_PID = 0x101;

    private TransportStreams() {
    }

    /** A PAT listing program 1 at {@value #PMT_PID} (and the NIT, program 0, which is no program). */
    static byte[] pat() {
        byte[] section = {0x00, (byte) 0xB0, 0x11, 0x00, 0x01, (byte) 0xC1, 0x00, 0x00,
            0x00, 0x00, (byte) 0xE0, 0x10, // program 0: network PID 0x10
            0x00, 0x01, (byte) (0xE0 | PMT_PID >> 8), (byte) PMT_PID, 0, 0, 0, 0}; // program 1; CRC
        return psi(0, section);
    }

    /** The PMT of program 1: AAC audio, and H.264 video when {@code withVideo}. */
    static byte[] pmt(boolean withVideo) {
        ByteBuffer section = ByteBuffer.allocate(64);
        section.put((byte) 0x02).putShort((short) 0).putShort((short) 1).put((byte) 0xC1).put((byte) 0).put((byte) 0)
                .putShort((short) (0xE000 | AUDIO_PID)).putShort((short) 0xF000); // PCR PID, no program info
        if (withVideo) {
            section.put((byte) 0x1B).putShort((short) (0xE000 | VIDEO_PID)).putShort((short) 0xF000);
        }
        section.put((byte) 0x0F).putShort((short) (0xE000 | AUDIO_PID)).putShort((short) 0xF003)
                .put(new byte[] {0x0A, 0x01, 0x00}); // one ES descriptor, skipped over
        section.putInt(0); // CRC
        int length = section.position() - 3;
        section.putShort(1, (short) (0xB000 | length));
        byte[] bytes = new byte[section.position()];
        section.flip().get(bytes);
        return psi(PMT_PID, bytes);
    }

    /** The first packet of a PES packet on {@code pid}, with an adaptation field saying random access or not. */
    static byte[] pesStart(int pid, boolean randomAccess) {
        byte[] packet = header(pid, true, 3);
        packet[4] = 1; // adaptation field length
        packet[5] = (byte) (randomAccess ? 0x40 : 0);
        packet[6] = 0;
        packet[7] = 0;
        packet[8] = 1; // packet_start_code_prefix
        packet[9] = (byte) (pid == VIDEO_PID ? 0xE0 : 0xC0);
        return packet;
    }

    /** A packet continuing a PES packet on {@code pid}. */
    static byte[] continuation(int pid) {
        return header(pid, false, 1);
    }

    /** The packets one after another: an RTP payload or a unit. */
    static ByteBuffer run(byte[]... packets) {
        ByteBuffer run = ByteBuffer.allocate(packets.length * TsPacket.SIZE);
        for (byte[] packet : packets) {
            run.put(packet);
        }
        return run.flip();
    }

    private static byte[] psi(int pid, byte[] section) {
        byte[] packet = header(pid, true, 1);
        packet[4] = 0; // pointer_field
        System.arraycopy(section, 0, packet, 5, section.length);
        java.util.Arrays.fill(packet, 5 + section.length, TsPacket.SIZE, (byte) 0xFF);
        return packet;
    }

    private static byte[] header(int pid, boolean unitStart, int adaptationControl) {
        byte[] packet = new byte[TsPacket.SIZE];
        packet[0] = TsPacket.SYNC_BYTE;
        packet[1] = (byte) ((unitStart ? 0x40 : 0) | pid >> 8);
        packet[2] = (byte) pid;
        packet[3] = (byte) (adaptationControl << 4);
        return packet;
    }
}
