package io.tributary.rtsp.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SrtpTest {
    private static final long SSRC = 0xCAFEBABEL;
    private static final MasterKey KEY = MasterKey.of(HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d"));
    private static final SrtpPolicy POLICY = SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, KEY);

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectedPacketUnprotectsToTheOriginal(SrtpProfile profile) {
        SrtpPolicy policy = SrtpPolicy.of(profile, KEY);
        SrtpSender sender = new SrtpSender(policy, SSRC);
        SrtpReceiver receiver = new SrtpReceiver(policy, SSRC);
        for (int seq = 1000; seq < 1100; seq++) {
            byte[] plain = Packets.rtp(SSRC, seq, seq - 1000);
            byte[] srtp = Packets.protectRtp(sender, plain);
            assertEquals(plain.length + profile.rtpTagLength(), srtp.length);
            assertArrayEquals(plain, (byte[]) Packets.unprotectRtp(receiver, srtp));
        }
    }

    @Test
    void headerStaysReadableAndPayloadIsEncrypted() {
        byte[] plain = Packets.rtpWithCsrcExtensionPadding(SSRC, 7);
        byte[] srtp = Packets.protectRtp(new SrtpSender(POLICY, SSRC), plain);
        int header = 12 + 8 + 8;
        assertArrayEquals(Arrays.copyOf(plain, header), Arrays.copyOf(srtp, header));
        assertFalse(Arrays.equals(Arrays.copyOfRange(plain, header, plain.length),
                Arrays.copyOfRange(srtp, header, plain.length)), "payload and padding are encrypted");
        assertArrayEquals(plain, (byte[]) Packets.unprotectRtp(new SrtpReceiver(POLICY, SSRC), srtp));
    }

    @Test
    void everyAlteredByteIsDetected() {
        byte[] srtp = Packets.protectRtp(new SrtpSender(POLICY, SSRC), Packets.rtp(SSRC, 1, 40));
        for (int i = 0; i < srtp.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = srtp.clone();
                tampered[i] ^= (byte) (1 << bit);
                Object result = Packets.unprotectRtp(new SrtpReceiver(POLICY, SSRC), tampered);
                assertInstanceOf(SrtpError.class, result, "byte " + i + " bit " + bit);
            }
        }
    }

    @Test
    void packetOfAnotherKeyFailsAuthentication() {
        byte[] srtp = Packets.protectRtp(new SrtpSender(POLICY, SSRC), Packets.rtp(SSRC, 1, 40));
        SrtpPolicy other = SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, MasterKey.of(new byte[30]));
        assertEquals(SrtpError.AUTH_FAILED, Packets.unprotectRtp(new SrtpReceiver(other, SSRC), srtp));
    }

    @Test
    void replayedPacketIsRejectedAndReorderedOneAccepted() {
        SrtpSender sender = new SrtpSender(POLICY, SSRC);
        SrtpReceiver receiver = new SrtpReceiver(POLICY, SSRC);
        byte[][] srtp = new byte[100][];
        for (int seq = 0; seq < 100; seq++) {
            srtp[seq] = Packets.protectRtp(sender, Packets.rtp(SSRC, seq, 20));
        }
        assertInstanceOf(byte[].class, Packets.unprotectRtp(receiver, srtp[10]));
        assertEquals(SrtpError.REPLAYED, Packets.unprotectRtp(receiver, srtp[10]));
        assertInstanceOf(byte[].class, Packets.unprotectRtp(receiver, srtp[80]));
        assertInstanceOf(byte[].class, Packets.unprotectRtp(receiver, srtp[17]), "63 behind: in the window");
        assertEquals(SrtpError.REPLAYED, Packets.unprotectRtp(receiver, srtp[16]), "64 behind: too old");
        assertInstanceOf(byte[].class, Packets.unprotectRtp(receiver, srtp[79]));
        assertEquals(SrtpError.REPLAYED, Packets.unprotectRtp(receiver, srtp[79]));
    }

    @Test
    void senderRefusesToReuseAnIndex() {
        SrtpSender sender = new SrtpSender(POLICY, SSRC);
        byte[] plain = Packets.rtp(SSRC, 5, 20);
        Packets.protectRtp(sender, plain);
        ByteBuffer out = ByteBuffer.allocate(100);
        assertEquals(SrtpError.REPLAYED.code(), sender.protectRtp(ByteBuffer.wrap(plain), out));
        assertEquals(0, out.position());
    }

    @Test
    void rolloverCounterFollowsTheSequenceWrap() {
        SrtpSender sender = new SrtpSender(POLICY, SSRC);
        SrtpReceiver receiver = new SrtpReceiver(POLICY, SSRC);
        int seq = 65000;
        for (int n = 0; n < 2000; n++, seq = (seq + 1) & 0xFFFF) {
            byte[] plain = Packets.rtp(SSRC, seq, 30);
            assertArrayEquals(plain, (byte[]) Packets.unprotectRtp(receiver, Packets.protectRtp(sender, plain)));
        }
        assertEquals(1, sender.rolloverCounter());
        assertEquals(1, receiver.rolloverCounter());
        // a late packet from before the wrap is still placed in ROC 0
        SrtpSender late = new SrtpSender(POLICY, SSRC, 0, 65530);
        byte[] beforeWrap = Packets.protectRtp(late, Packets.rtp(SSRC, 65530, 30));
        assertEquals(SrtpError.REPLAYED, Packets.unprotectRtp(receiver, beforeWrap), "far behind the window");
    }

    @Test
    void packetJustBeforeTheWrapArrivingLateKeepsItsRoc() {
        SrtpSender sender = new SrtpSender(POLICY, SSRC, 3, 65534);
        SrtpReceiver receiver = new SrtpReceiver(POLICY, SSRC, 3);
        byte[] a = Packets.protectRtp(sender, Packets.rtp(SSRC, 65534, 10));
        byte[] b = Packets.protectRtp(sender, Packets.rtp(SSRC, 65535, 10));
        byte[] c = Packets.protectRtp(sender, Packets.rtp(SSRC, 0, 10));
        byte[] d = Packets.protectRtp(sender, Packets.rtp(SSRC, 1, 10));
        assertEquals(4, sender.rolloverCounter());
        assertInstanceOf(byte[].class, Packets.unprotectRtp(receiver, a));
        assertInstanceOf(byte[].class, Packets.unprotectRtp(receiver, c));
        assertEquals(4, receiver.rolloverCounter());
        assertInstanceOf(byte[].class, Packets.unprotectRtp(receiver, b), "ROC 3 packet after the wrap");
        assertInstanceOf(byte[].class, Packets.unprotectRtp(receiver, d));
    }

    @Test
    void senderStartingAtSequenceZeroReportsItsRoc() {
        SrtpSender sender = new SrtpSender(POLICY, SSRC, 2, 0);
        assertEquals(2, sender.rolloverCounter());
        byte[] first = Packets.protectRtp(sender, Packets.rtp(SSRC, 0, 10));
        byte[] late = Packets.protectRtp(sender, Packets.rtp(SSRC, 65535, 10));
        assertEquals(2, sender.rolloverCounter(), "a late packet of ROC 1 does not move it back");
        SrtpReceiver receiver = new SrtpReceiver(POLICY, SSRC, 2);
        assertInstanceOf(byte[].class, Packets.unprotectRtp(receiver, first));
        assertInstanceOf(byte[].class, Packets.unprotectRtp(receiver, late));
    }

    @Test
    void joiningReaderNeedsTheSendersRoc() {
        SrtpSender sender = new SrtpSender(POLICY, SSRC, 7, 40000);
        assertEquals(7, sender.rolloverCounter());
        byte[] srtp = Packets.protectRtp(sender, Packets.rtp(SSRC, 40000, 50));
        assertEquals(SrtpError.AUTH_FAILED, Packets.unprotectRtp(new SrtpReceiver(POLICY, SSRC, 0), srtp));
        assertInstanceOf(byte[].class, Packets.unprotectRtp(new SrtpReceiver(POLICY, SSRC, 7), srtp));
    }

    @Test
    void srtcpRoundTripsWithIndexAndEFlag() {
        SrtpSender sender = new SrtpSender(POLICY, SSRC);
        SrtpReceiver receiver = new SrtpReceiver(POLICY, SSRC);
        for (int n = 0; n < 5; n++) {
            byte[] plain = Packets.rtcp(SSRC, n);
            byte[] srtcp = Packets.protectRtcp(sender, plain);
            assertEquals(plain.length + 4 + 10, srtcp.length);
            assertArrayEquals(Arrays.copyOf(plain, 8), Arrays.copyOf(srtcp, 8));
            assertEquals(0x8000_0000L | n, ByteBuffer.wrap(srtcp, plain.length, 4).getInt() & 0xFFFF_FFFFL);
            assertArrayEquals(plain, (byte[]) Packets.unprotectRtcp(receiver, srtcp));
            assertEquals(SrtpError.REPLAYED, Packets.unprotectRtcp(receiver, srtcp));
        }
    }

    @Test
    void unencryptedSrtcpIsAuthenticatedAndAccepted() {
        // no sender makes E=0 packets: build one by hand with the RTCP session keys
        byte[] plain = Packets.rtcp(SSRC, 1);
        ByteBuffer srtcp = ByteBuffer.allocate(plain.length + 14).put(plain).putInt(42);
        HmacSha1 mac = new HmacSha1(KeyDerivation.derive(KEY, KeyDerivation.RTCP_AUTHENTICATION, 20));
        mac.start();
        mac.update(srtcp.array(), 0, plain.length + 4);
        srtcp.put(mac.finish(), 0, 10);
        assertArrayEquals(plain, (byte[]) Packets.unprotectRtcp(new SrtpReceiver(POLICY, SSRC), srtcp.array()));
    }

    @Test
    void tamperedSrtcpIsRejected() {
        byte[] srtcp = Packets.protectRtcp(new SrtpSender(POLICY, SSRC), Packets.rtcp(SSRC, 1));
        for (int i = 0; i < srtcp.length; i++) {
            byte[] tampered = srtcp.clone();
            tampered[i] ^= 0x01;
            assertInstanceOf(SrtpError.class, Packets.unprotectRtcp(new SrtpReceiver(POLICY, SSRC), tampered),
                    "byte " + i);
        }
    }

    @Test
    void mkiIsCarriedAndChecked() {
        SrtpPolicy withMki = POLICY.withMki(new byte[] {0, 0, 0, 0x2F}).withSrtcpTagLength(4);
        SrtpSender sender = new SrtpSender(withMki, SSRC);
        byte[] plain = Packets.rtp(SSRC, 9, 100);
        byte[] srtp = Packets.protectRtp(sender, plain);
        assertEquals(plain.length + 4 + 10, srtp.length);
        assertArrayEquals(new byte[] {0, 0, 0, 0x2F}, Arrays.copyOfRange(srtp, plain.length, plain.length + 4));
        assertArrayEquals(plain, (byte[]) Packets.unprotectRtp(new SrtpReceiver(withMki, SSRC), srtp));
        SrtpPolicy otherMki = withMki.withMki(new byte[] {0, 0, 0, 0x30});
        assertEquals(SrtpError.MKI_MISMATCH, Packets.unprotectRtp(new SrtpReceiver(otherMki, SSRC), srtp));

        byte[] rtcp = Packets.rtcp(SSRC, 0);
        byte[] srtcp = Packets.protectRtcp(sender, rtcp);
        assertEquals(rtcp.length + 4 + 4 + 4, srtcp.length);
        assertArrayEquals(rtcp, (byte[]) Packets.unprotectRtcp(new SrtpReceiver(withMki, SSRC), srtcp));
    }

    @Test
    void directBuffersAndInPlaceWork() {
        SrtpSender sender = new SrtpSender(POLICY, SSRC);
        SrtpReceiver receiver = new SrtpReceiver(POLICY, SSRC);
        byte[] plain = Packets.rtp(SSRC, 300, 3000);
        ByteBuffer direct = ByteBuffer.allocateDirect(4000);
        direct.position(17).put(plain).flip().position(17);
        ByteBuffer view = direct.duplicate().clear().position(17);
        int n = sender.protectRtp(direct, view);
        assertEquals(plain.length + 10, n);
        assertEquals(17 + n, view.position());
        assertEquals(17, direct.position(), "the input does not move");

        ByteBuffer srtp = direct.duplicate().limit(17 + n).position(17);
        ByteBuffer plainView = direct.duplicate().clear().position(17);
        assertEquals(plain.length, receiver.unprotectRtp(srtp, plainView));
        byte[] back = new byte[plain.length];
        direct.get(17, back);
        assertArrayEquals(plain, back);
    }

    @Test
    void badInputReturnsErrorsAndTouchesNothing() {
        SrtpReceiver receiver = new SrtpReceiver(POLICY, SSRC);
        assertEquals(SrtpError.TOO_SHORT, Packets.unprotectRtp(receiver, new byte[21]));
        byte[] srtp = Packets.protectRtp(new SrtpSender(POLICY, SSRC), Packets.rtp(SSRC, 1, 10));
        byte[] version1 = srtp.clone();
        version1[0] = 0x40;
        assertEquals(SrtpError.MALFORMED, Packets.unprotectRtp(receiver, version1));
        byte[] manyCsrcs = srtp.clone();
        manyCsrcs[0] = (byte) 0x8F;
        assertEquals(SrtpError.MALFORMED, Packets.unprotectRtp(receiver, manyCsrcs));
        assertEquals(SrtpError.WRONG_SSRC, Packets.unprotectRtp(new SrtpReceiver(POLICY, 1), srtp));

        ByteBuffer small = ByteBuffer.allocate(srtp.length - 11);
        assertEquals(SrtpError.OUTPUT_TOO_SMALL.code(), receiver.unprotectRtp(ByteBuffer.wrap(srtp), small));
        assertEquals(0, small.position());
        assertInstanceOf(byte[].class, Packets.unprotectRtp(receiver, srtp), "a failure changes no state");

        SrtpSender sender = new SrtpSender(POLICY, SSRC);
        byte[] plain = Packets.rtp(SSRC, 2, 10);
        assertEquals(SrtpError.OUTPUT_TOO_SMALL.code(),
                sender.protectRtp(ByteBuffer.wrap(plain), ByteBuffer.allocate(plain.length + 9)));
        assertEquals(SrtpError.WRONG_SSRC.code(),
                sender.protectRtp(ByteBuffer.wrap(Packets.rtp(5, 2, 10)), ByteBuffer.allocate(100)));
        assertEquals(SrtpError.TOO_SHORT.code(), sender.protectRtcp(ByteBuffer.allocate(7), ByteBuffer.allocate(100)));
        assertEquals(SrtpError.TOO_SHORT, Packets.unprotectRtcp(receiver, new byte[21]));
        assertEquals(SrtpError.MALFORMED, Packets.unprotectRtcp(receiver, new byte[22]));
    }

    @Test
    void senderAtTheLastIndexStops() {
        SrtpSender sender = new SrtpSender(POLICY, SSRC, 0xFFFF_FFFFL, 65535);
        Packets.protectRtp(sender, Packets.rtp(SSRC, 65535, 10));
        assertEquals(SrtpError.INDEX_EXHAUSTED.code(),
                sender.protectRtp(ByteBuffer.wrap(Packets.rtp(SSRC, 0, 10)), ByteBuffer.allocate(100)));
    }

    @Test
    void protectAndUnprotectAllocateNothingPerPacket() {
        SrtpSender sender = new SrtpSender(POLICY, SSRC);
        SrtpReceiver receiver = new SrtpReceiver(POLICY, SSRC);
        ByteBuffer plain = ByteBuffer.wrap(Packets.rtp(SSRC, 0, 1200));
        ByteBuffer srtp = ByteBuffer.allocateDirect(1400);
        ByteBuffer back = ByteBuffer.allocate(1400);
        ByteBuffer rtcp = ByteBuffer.wrap(Packets.rtcp(SSRC, 0));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        int seq = 50_000;
        long before = 0;
        for (int n = 0; n < 30_000; n++) {
            if (n == 10_000) {
                before = threads.getThreadAllocatedBytes(thread);
            }
            plain.putShort(2, (short) seq++);
            srtp.clear();
            assertTrue(sender.protectRtp(plain, srtp) > 0);
            srtp.flip();
            back.clear();
            assertTrue(receiver.unprotectRtp(srtp, back) > 0);
            srtp.clear();
            assertTrue(sender.protectRtcp(rtcp, srtp) > 0);
            srtp.flip();
            back.clear();
            assertTrue(receiver.unprotectRtcp(srtp, back) > 0);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // 20,000 packets each way: anything per packet would show as tens of kilobytes
        assertTrue(allocated < 4096, allocated + " bytes allocated");
        assertNotEquals(0, receiver.rolloverCounter());
    }
}
