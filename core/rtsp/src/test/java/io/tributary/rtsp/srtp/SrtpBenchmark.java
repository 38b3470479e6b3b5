package io.tributary.rtsp.srtp;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;

/**
 * How many 1200-byte-payload RTP packets one thread protects (and unprotects) per second, and
 * what that allocates. Not a test: run it by hand, e.g.
 * {@code java -cp target/classes:target/test-classes io.tributary.rtsp.srtp.SrtpBenchmark}.
 */
public final class SrtpBenchmark {
    private SrtpBenchmark() {
    }

    public static void main(String[] args) {
        SrtpPolicy policy = SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, MasterKey.of(new byte[30]));
        long ssrc = 0x12345678L;
        ByteBuffer plain = ByteBuffer.wrap(Packets.rtp(ssrc, 0, 1200));
        ByteBuffer heapOut = ByteBuffer.allocate(1400);
        ByteBuffer directOut = ByteBuffer.allocateDirect(1400);
        ByteBuffer back = ByteBuffer.allocate(1400);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        for (int round = 0; round < 5; round++) {
            for (ByteBuffer out : new ByteBuffer[] {heapOut, directOut}) {
                SrtpSender sender = new SrtpSender(policy, ssrc);
                int n = 300_000;
                long bytes = threads.getThreadAllocatedBytes(thread);
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    plain.putShort(2, (short) i);
                    out.clear();
                    sender.protectRtp(plain, out);
                }
                long elapsed = System.nanoTime() - start;
                long allocated = threads.getThreadAllocatedBytes(thread) - bytes;
                System.out.printf("protect   %-6s %,10.0f packets/s  %5.1f Gbit/s payload  %d bytes allocated%n",
                        out.isDirect() ? "direct" : "heap", n / (elapsed / 1e9), n * 1200L * 8 / (elapsed / 1e9) / 1e9,
                        allocated);
            }
            SrtpSender sender = new SrtpSender(policy, ssrc);
            SrtpReceiver receiver = new SrtpReceiver(policy, ssrc);
            int n = 300_000;
            ByteBuffer[] protectedPackets = new ByteBuffer[1024];
            for (int i = 0; i < protectedPackets.length; i++) {
                protectedPackets[i] = ByteBuffer.allocate(1400);
            }
            long total = 0;
            for (int i = 0; i < n; i++) {
                plain.putShort(2, (short) i);
                ByteBuffer p = protectedPackets[i & 1023].clear();
                sender.protectRtp(plain, p);
                p.flip();
                long start = System.nanoTime();
                back.clear();
                receiver.unprotectRtp(p, back);
                total += System.nanoTime() - start;
            }
            System.out.printf("unprotect heap   %,10.0f packets/s%n", n / (total / 1e9));
        }
    }
}
