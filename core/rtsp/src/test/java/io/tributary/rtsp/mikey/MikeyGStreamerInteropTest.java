package io.tributary.rtsp.mikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.rtsp.sdp.SdpMedia;
import io.tributary.rtsp.sdp.SdpParser;
import io.tributary.rtsp.srtp.MasterKey;
import io.tributary.rtsp.srtp.SrtpPolicy;
import io.tributary.rtsp.srtp.SrtpProfile;
import io.tributary.rtsp.testing.PythonGi;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our MIKEY messages read by GStreamer's gstmikey.c, and GStreamer's (library and RTSP server) read by us. */
class MikeyGStreamerInteropTest {
    private static final String KEY = "e1f97a0d3e018be0d64fa32c06de41390ec675ad498afeebb6960b3aabe6";

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void gstreamerReadsOurMessage(SrtpProfile profile) throws Exception {
        String python = PythonGi.require("GstSdp");
        SrtpPolicy policy = SrtpPolicy.of(profile, MasterKey.of(HexFormat.of().parseHex(KEY)));
        MikeyMessage message = MikeySrtp.message(policy,
                List.of(new CryptoSession(0, 0xDEADBEEFL, 3), new CryptoSession(0, 17, 0)), new SecureRandom(),
                Instant.now());
        String read = PythonGi.run(python, getClass(), "gst_mikey.py", "parse", MikeyWriter.writeBase64(message));
        String auth = profile == SrtpProfile.AES_CM_128_HMAC_SHA1_32 ? "hmac-sha1-32" : "hmac-sha1-80";
        assertEquals(List.of("n_cs=2 n_payloads=4", "cs policy=0 ssrc=3735928559 roc=3",
                "cs policy=0 ssrc=17 roc=0", "key=" + KEY, "srtp-cipher=aes-128-icm", "srtp-auth=" + auth,
                "srtcp-cipher=aes-128-icm", "srtcp-auth=" + auth), read.lines().toList());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void weReadGStreamersMessage(SrtpProfile profile) throws Exception {
        String python = PythonGi.require("GstSdp");
        String auth = profile == SrtpProfile.AES_CM_128_HMAC_SHA1_32 ? "hmac-sha1-32" : "hmac-sha1-80";
        String base64 = PythonGi.run(python, getClass(), "gst_mikey.py", "make", KEY, auth, "4294967295", "65536")
                .trim();
        MikeyMessage message = MikeyParser.parseBase64(base64);
        assertEquals(List.of(new CryptoSession(0, 0xFFFF_FFFFL, 65536)), message.cryptoSessions());
        assertEquals(SrtpPolicy.of(profile, MasterKey.of(HexFormat.of().parseHex(KEY))), MikeySrtp.policy(message, 0));
    }

    @Test
    void weReadTheKeyInGStreamerRtspServersSdp() throws Exception {
        String python = PythonGi.require("GstRtspServer");
        String sdp = PythonGi.run(python, getClass(), "gst_mikey.py", "describe");
        SdpMedia media = SdpParser.parse(sdp).media().get(0);
        assertEquals("RTP/SAVP", media.protocol());
        String keyMgmt = media.attribute("key-mgmt").value();
        assertTrue(keyMgmt.startsWith("mikey "), keyMgmt);
        MikeyMessage message = MikeyParser.parseBase64(keyMgmt.substring("mikey ".length()));
        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_80, MikeySrtp.policy(message, 0).profile());
        long ssrc = Long.parseLong(media.attribute("ssrc").value().split(" ")[0]);
        assertEquals(ssrc, message.cryptoSessions().get(0).ssrc(), "the crypto session is the stream's SSRC");
    }
}
