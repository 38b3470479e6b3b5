package io.tributary.transports.srtp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tributary.api.transport.RtpFrame;
import io.tributary.rtsp.srtp.MasterKey;
import io.tributary.rtsp.srtp.SrtpPolicy;
import io.tributary.rtsp.srtp.SrtpProfile;
import io.tributary.rtsp.srtp.SrtpReceiver;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class PacketProtectorTest {
    private static final long SSRC = 0x0BAD_CAFEL;
    private final SrtpPolicy policy = SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
            MasterKey.random(new SecureRandom()));

    /**
     * Two event loops sending one live stream's frames, each in order and at most two frames
     * apart (frames arrive in real time), the second one skipping some (its readers wait for a
     * keyframe): each frame is protected once, sometimes by one loop while the other protects the
     * next, and all of it is valid SRTP.
     */
    @Test
    void twoLoopsProtectingFramesOfOneStreamAtOnceMakeValidSrtp() throws Exception {
        PacketProtector shared = new PacketProtector(policy, SSRC);
        int frames = 3_000;
        int packets = 4;
        List<TestFrame> source = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            source.add(TestFrame.of(SSRC, (f * packets) & 0xFFFF, packets, 100));
        }
        AtomicIntegerArray done = new AtomicIntegerArray(new int[] {-1, -1});
        ExecutorService loops = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int loop = 0; loop < 2; loop++) {
            int self = loop;
            running.add(loops.submit(() -> {
                try {
                    for (int f = 0; f < frames; f++) {
                        while (done.get(1 - self) < f - 2) {
                            // the other loop has not received frame f - 2 yet
                            if (System.nanoTime() > deadline) {
                                throw new AssertionError("the other loop stopped at frame " + done.get(1 - self));
                            }
                            Thread.onSpinWait();
                        }
                        if (self == 0 || f % 3 != 1) {
                            source.get(f).transformed(shared, shared);
                        }
                        done.set(self, f);
                    }
                } finally {
                    done.set(self, Integer.MAX_VALUE); // never keep the other loop waiting
                }
                return null;
            }));
        }
        for (Future<?> loop : running) {
            loop.get();
        }
        loops.shutdown();

        assertEquals(0, shared.refused(), "frames in flight together are well inside the sender's window");
        // 12000 packets from sequence number 0: no wrap, so the sequence number orders them
        TreeMap<Integer, byte[]> bySequence = new TreeMap<>();
        for (TestFrame plain : source) {
            RtpFrame sent = plain.transformed(shared, (PacketProtector) null);
            assertEquals(1, plain.transformations(), "protected once");
            for (int i = 0; i < sent.packetCount(); i++) {
                byte[] srtp = Rtp.bytes(sent.packets().slice(sent.packetOffset(i), sent.packetLength(i)));
                bySequence.put(((srtp[2] & 0xFF) << 8) | (srtp[3] & 0xFF), srtp);
            }
        }
        SrtpReceiver receiver = new SrtpReceiver(policy, SSRC);
        int packet = 0;
        for (byte[] srtp : bySequence.values()) {
            assertArrayEquals(source.get(packet / packets).packet(packet % packets), Rtp.unprotectRtp(receiver, srtp));
            packet++;
        }
        assertEquals(frames * packets, packet);
    }

    @Test
    void aSequenceNumberProtectedOnceIsNeverProtectedAgain() {
        PacketProtector protector = new PacketProtector(policy, SSRC);
        byte[] packet = Rtp.packet(SSRC, 500, 0, 20, 0);
        ByteBuffer header = ByteBuffer.wrap(packet, 0, 12).slice();
        ByteBuffer payload = ByteBuffer.wrap(packet, 12, 20).slice();
        ByteBuffer first = protector.protectRtp(header, payload);
        assertEquals(42, first.remaining());
        assertNull(protector.protectRtp(header, payload), "the same keystream twice would leak the plaintexts");
        assertEquals(1, protector.refused());
    }
}
