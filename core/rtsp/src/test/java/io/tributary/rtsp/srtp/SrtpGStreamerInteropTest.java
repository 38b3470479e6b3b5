package io.tributary.rtsp.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.rtsp.testing.PythonGi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interoperability with GStreamer's srtpenc and srtpdec (libsrtp2), both ways, for RTP across a
 * sequence number wrap and for RTCP, with both suites and both SRTCP tag lengths GStreamer uses.
 */
class SrtpGStreamerInteropTest {
    private static final String KEY = "e1f97a0d3e018be0d64fa32c06de41390ec675ad498afeebb6960b3aabe6";
    private static final long SSRC = 0x1234_5678L;

    @TempDir
    Path dir;

    static Stream<Arguments> policies() {
        return Stream.of(Arguments.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 10),
                Arguments.of(SrtpProfile.AES_CM_128_HMAC_SHA1_32, 10),
                Arguments.of(SrtpProfile.AES_CM_128_HMAC_SHA1_32, 4));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void packetsGStreamerProtectsAreUnprotected(SrtpProfile profile, int srtcpTag) throws Exception {
        String python = python();
        PythonGi.run(python, getClass(), "gst_srtp.py", "encrypt", KEY, auth(profile.rtpTagLength()), auth(srtcpTag),
                Long.toString(SSRC), "65436", "200", file("plain"), file("srtp"), file("plain-rtcp"), file("srtcp"));
        List<byte[]> plain = PacketFiles.read(dir.resolve("plain"));
        List<byte[]> srtp = PacketFiles.read(dir.resolve("srtp"));
        assertEquals(200, plain.size());
        assertEquals(200, srtp.size());

        SrtpReceiver receiver = new SrtpReceiver(policy(profile, srtcpTag), SSRC);
        for (int i = 0; i < srtp.size(); i++) {
            assertArrayEquals(plain.get(i), (byte[]) Packets.unprotectRtp(receiver, srtp.get(i)), "packet " + i);
        }
        assertEquals(1, receiver.rolloverCounter(), "the sequence numbers wrapped");

        List<byte[]> plainRtcp = PacketFiles.read(dir.resolve("plain-rtcp"));
        List<byte[]> srtcp = PacketFiles.read(dir.resolve("srtcp"));
        assertEquals(3, srtcp.size());
        for (int i = 0; i < srtcp.size(); i++) {
            assertArrayEquals(plainRtcp.get(i), (byte[]) Packets.unprotectRtcp(receiver, srtcp.get(i)), "RTCP " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("policies")
    void packetsWeProtectAreUnprotectedByGStreamer(SrtpProfile profile, int srtcpTag) throws Exception {
        String python = python();
        // a sender joining a running stream at ROC 2, wrapping to ROC 3 on the way
        SrtpSender sender = new SrtpSender(policy(profile, srtcpTag), SSRC, 2, 65400);
        List<byte[]> plain = new ArrayList<>();
        List<byte[]> srtp = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            byte[] packet = Packets.rtp(SSRC, (65400 + n) & 0xFFFF, 160 + n);
            plain.add(packet);
            srtp.add(Packets.protectRtp(sender, packet));
        }
        assertEquals(3, sender.rolloverCounter());
        List<byte[]> plainRtcp = new ArrayList<>();
        List<byte[]> srtcp = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            plainRtcp.add(Packets.rtcp(SSRC, n));
            srtcp.add(Packets.protectRtcp(sender, plainRtcp.get(n)));
        }
        PacketFiles.write(dir.resolve("srtp"), srtp);
        PacketFiles.write(dir.resolve("srtcp"), srtcp);

        PythonGi.run(python, getClass(), "gst_srtp.py", "decrypt", KEY, auth(profile.rtpTagLength()), auth(srtcpTag),
                Long.toString(SSRC), "2", file("srtp"), file("plain"), file("srtcp"), file("plain-rtcp"));
        List<byte[]> decrypted = PacketFiles.read(dir.resolve("plain"));
        assertEquals(plain.size(), decrypted.size(), "srtpdec let every packet through");
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(plain.get(i), decrypted.get(i), "packet " + i);
        }
        List<byte[]> decryptedRtcp = PacketFiles.read(dir.resolve("plain-rtcp"));
        assertEquals(3, decryptedRtcp.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(plainRtcp.get(i), decryptedRtcp.get(i), "RTCP " + i);
        }
    }

    private static String python() throws Exception {
        String python = PythonGi.require("Gst");
        PythonGi.requireElements(python, "srtpenc", "srtpdec", "rtpL16pay", "audiotestsrc", "appsrc", "appsink");
        return python;
    }

    private static SrtpPolicy policy(SrtpProfile profile, int srtcpTag) {
        return SrtpPolicy.of(profile, MasterKey.of(HexFormat.of().parseHex(KEY))).withSrtcpTagLength(srtcpTag);
    }

    private static String auth(int tagLength) {
        return tagLength == 4 ? "hmac-sha1-32" : "hmac-sha1-80";
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }
}
