package io.tributary.transports.srtp.internal;

import io.tributary.api.transport.RtpFrame;
import io.tributary.api.transport.TrackSink;
import io.tributary.rtsp.srtp.MasterKey;
import io.tributary.rtsp.srtp.SrtpPolicy;
import io.tributary.rtsp.srtp.SrtpProfile;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * What SRTP costs a live stream's readers: frames sent through {@link ProtectingSink}s as
 * {@code LiveReader} sends them, with the stream's shared key (one protection per packet for
 * all readers) and with keys per reader (one per reader and packet). Run its {@code main}; no
 * thresholds, the numbers are for the report:
 * {@code java -cp <test classpath> io.tributary.transports.srtp.internal.ProtectionBenchmark}.
 */
public final class ProtectionBenchmark {
    private static final long SSRC = 0x1234_5678L;
    private static final int PACKETS_PER_FRAME = 10;
    private static final int PAYLOAD = 1200;
    private static final int BATCH = 50;

    private ProtectionBenchmark() {
    }

    public static void main(String[] args) {
        for (int round = 0; round < 3; round++) {
            boolean report = round == 2; // the first rounds warm the JIT up
            double alone = protectAlone();
            if (report) {
                System.out.printf("SrtpSender alone: %.1f ns per %d-byte packet%n", alone, 12 + PAYLOAD);
            }
            for (int readers : new int[] {1, 10, 100}) {
                double shared = run(readers, true);
                double own = run(readers, false);
                if (report) {
                    System.out.printf("%3d readers: shared key %8.1f ns per packet (%6.1f per reader),"
                                    + " keys per reader %8.1f ns per packet (%6.1f per reader)%n",
                            readers, shared, shared / readers, own, own / readers);
                }
            }
        }
    }

    /** One sender protecting packets into a buffer it reuses: the cost of SRTP itself. */
    private static double protectAlone() {
        SrtpPolicy policy = SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, MasterKey.random(new SecureRandom()));
        PacketProtector protector = new PacketProtector(policy, SSRC);
        ByteBuffer packet = ByteBuffer.allocateDirect(12 + PAYLOAD);
        packet.put(Rtp.packet(SSRC, 0, 0, PAYLOAD, 0)).flip();
        ByteBuffer out = ByteBuffer.allocateDirect(12 + PAYLOAD + protector.overhead());
        int packets = 200_000;
        long start = System.nanoTime();
        for (int i = 0; i < packets; i++) {
            packet.putShort(2, (short) i);
            out.clear();
            protector.apply(packet, out);
        }
        return (double) (System.nanoTime() - start) / packets;
    }

    /**
     * Nanoseconds per packet of the stream (all readers' sending of it included), over batches of
     * frames made between the timed parts: the engine makes each frame once, before any reader.
     */
    private static double run(int readers, boolean sharedKey) {
        SecureRandom random = new SecureRandom();
        SrtpPolicy streamPolicy = SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, MasterKey.random(random));
        StreamKey streamKey = new StreamKey(new StreamKey.Id("/bench", 0, SSRC), streamPolicy, 0);
        List<TrackSink> sinks = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            PacketProtector protector = sharedKey ? streamKey.protector()
                    : new PacketProtector(SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, MasterKey.random(random)),
                    SSRC);
            sinks.add(new ProtectingSink(Discard.SINK, protector, sharedKey ? streamKey : null));
        }
        int frames = Math.max(100, 10_000 / readers);
        int sequence = 0;
        long elapsed = 0;
        for (int done = 0; done < frames; done += BATCH) {
            List<TestFrame> batch = new ArrayList<>(BATCH);
            for (int f = 0; f < BATCH; f++) {
                batch.add(TestFrame.of(SSRC, sequence & 0xFFFF, PACKETS_PER_FRAME, PAYLOAD));
                sequence += PACKETS_PER_FRAME;
            }
            long start = System.nanoTime();
            for (TestFrame frame : batch) {
                for (TrackSink sink : sinks) {
                    sink.sendFrame(frame);
                }
            }
            elapsed += System.nanoTime() - start;
        }
        return (double) elapsed / (frames * (long) PACKETS_PER_FRAME);
    }

    /** A transport that has sent everything at once. */
    private enum Discard implements TrackSink {
        SINK;

        @Override
        public boolean sendRtp(ByteBuffer header, ByteBuffer payload) {
            return true;
        }

        @Override
        public boolean sendFrame(RtpFrame frame) {
            return frame.packetCount() > 0;
        }

        @Override
        public boolean sendRtcp(ByteBuffer packet) {
            return true;
        }

        @Override
        public void flush() {
        }

        @Override
        public boolean writable() {
            return true;
        }
    }
}
