package io.tributary.rtsp.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Unprotecting never throws whatever arrives, never accepts a packet no holder of the key made,
 * and accepts a protected packet only as it was sent.
 */
class SrtpFuzzTest {
    private static final SrtpPolicy POLICY = SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
            MasterKey.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                    23, 24, 25, 26, 27, 28, 29, 30}));

    @FuzzTest(maxDuration = "1m")
    void unprotectRtpRejectsForgeries(byte[] input) {
        // the receiver takes the packet's own SSRC, so that the fuzzer gets past that check
        long ssrc = input.length >= 12 ? ByteBuffer.wrap(input, 8, 4).getInt() & 0xFFFF_FFFFL : 0;
        SrtpReceiver receiver = new SrtpReceiver(POLICY, ssrc, input.length > 0 ? input[0] & 0xFF : 0);
        ByteBuffer out = ByteBuffer.allocate(input.length);
        int n = receiver.unprotectRtp(ByteBuffer.wrap(input), out);
        assertTrue(n < 0, "a packet without a valid tag was accepted");
        assertNotNull(SrtpError.of(n));
        assertEquals(0, out.position());
    }

    @FuzzTest(maxDuration = "1m")
    void unprotectRtcpRejectsForgeries(byte[] input) {
        long ssrc = input.length >= 8 ? ByteBuffer.wrap(input, 4, 4).getInt() & 0xFFFF_FFFFL : 0;
        SrtpReceiver receiver = new SrtpReceiver(POLICY.withMki(input.length > 40 ? new byte[] {input[40]} : new byte[0]),
                ssrc);
        ByteBuffer out = ByteBuffer.allocate(input.length);
        int n = receiver.unprotectRtcp(ByteBuffer.wrap(input), out);
        assertTrue(n < 0, "a packet without a valid tag was accepted");
        assertNotNull(SrtpError.of(n));
        assertEquals(0, out.position());
    }

    @FuzzTest(maxDuration = "1m")
    void alteredPacketIsRejected(FuzzedDataProvider data) {
        long ssrc = data.consumeInt() & 0xFFFF_FFFFL;
        int seq = data.consumeInt(0, 0xFFFF);
        boolean rtcp = data.consumeBoolean();
        byte[] payload = data.consumeBytes(data.consumeInt(0, 3000));
        byte[] mask = data.consumeRemainingAsBytes();

        byte[] plain = rtcp ? Packets.rtcp(ssrc, seq) : Packets.rtp(ssrc, seq, 0);
        plain = Arrays.copyOf(plain, plain.length + payload.length);
        System.arraycopy(payload, 0, plain, plain.length - payload.length, payload.length);
        SrtpSender sender = new SrtpSender(POLICY, ssrc);
        byte[] sent = rtcp ? Packets.protectRtcp(sender, plain) : Packets.protectRtp(sender, plain);

        byte[] altered = Arrays.copyOf(sent, Math.max(sent.length, mask.length));
        for (int i = 0; i < mask.length; i++) {
            altered[i] ^= mask[i];
        }
        SrtpReceiver receiver = new SrtpReceiver(POLICY, ssrc);
        Object result = rtcp ? Packets.unprotectRtcp(receiver, altered) : Packets.unprotectRtp(receiver, altered);
        if (Arrays.equals(altered, sent)) {
            assertArrayEquals(plain, (byte[]) result);
        } else {
            assertTrue(result instanceof SrtpError, "an altered packet was accepted");
        }
    }
}
