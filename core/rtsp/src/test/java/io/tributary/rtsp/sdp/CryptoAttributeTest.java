package io.tributary.rtsp.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.srtp.MasterKey;
import io.tributary.rtsp.srtp.SrtpPolicy;
import io.tributary.rtsp.srtp.SrtpProfile;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CryptoAttributeTest {
    /** The key of RFC 4568's examples (§4). */
    private static final String KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

    @Test
    void readsTheRfcExample() {
        CryptoAttribute a = CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4");
        assertEquals(1, a.tag());
        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_80, a.profile());
        CryptoAttribute.Key key = a.keys().get(0);
        assertArrayEquals(Base64.getDecoder().decode(KEY), key.keyAndSalt());
        assertEquals(1L << 20, key.lifetime());
        assertEquals(BigInteger.ONE, key.mkiValue());
        assertArrayEquals(new byte[] {0, 0, 0, 1}, key.mki());
        SrtpPolicy policy = a.policy();
        assertArrayEquals(new byte[] {0, 0, 0, 1}, policy.mki());
        assertEquals(MasterKey.of(Base64.getDecoder().decode(KEY)), policy.masterKey());
        assertEquals("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4", a.format());
    }

    @Test
    void keepsOptionalPartsAndSessionParameters() {
        CryptoAttribute a = CryptoAttribute.parse("  42\tAES_CM_128_HMAC_SHA1_32  inline:" + KEY + "|7:2;inline:" + KEY
                + "|1048576 KDR=0 UNENCRYPTED_SRTCP ");
        assertEquals(2, a.keys().size());
        assertNull(a.keys().get(0).lifetime());
        assertArrayEquals(new byte[] {0, 7}, a.keys().get(0).mki());
        assertEquals(1048576L, a.keys().get(1).lifetime());
        assertEquals(List.of("KDR=0", "UNENCRYPTED_SRTCP"), a.sessionParams());
        assertEquals("42 AES_CM_128_HMAC_SHA1_32 inline:" + KEY + "|7:2;inline:" + KEY + "|2^20 KDR=0 UNENCRYPTED_SRTCP",
                a.format());
        assertEquals(a, CryptoAttribute.parse(a.format()));
    }

    @Test
    void unknownSuitesParseWithoutAPolicy() {
        CryptoAttribute a = CryptoAttribute.parse("3 AES_256_CM_HMAC_SHA1_80 inline:"
                + Base64.getEncoder().encodeToString(new byte[46]));
        assertNull(a.profile());
        assertNull(a.policy());
    }

    @Test
    void formatsAPolicy() {
        SrtpPolicy policy = SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, MasterKey.of(Base64.getDecoder().decode(KEY)));
        assertEquals("crypto", CryptoAttribute.of(1, policy).toAttribute().name());
        assertEquals("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY, CryptoAttribute.of(1, policy).format());
        CryptoAttribute withMki = CryptoAttribute.of(2, policy.withMki(new byte[] {0, 0, 1, 0}));
        assertEquals("2 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|256:4", withMki.format());
        assertEquals(policy.withMki(new byte[] {0, 0, 1, 0}), CryptoAttribute.parse(withMki.format()).policy());
    }

    @Test
    void malformedValuesAre400() {
        for (String bad : List.of("", "1 AES_CM_128_HMAC_SHA1_80", "x AES_CM_128_HMAC_SHA1_80 inline:" + KEY,
                "1234567890 AES_CM_128_HMAC_SHA1_80 inline:" + KEY, "1 AES-CM inline:" + KEY,
                "1 AES_CM_128_HMAC_SHA1_80 uri:http://example.com/key",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY.substring(4),
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "==x",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^99",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|0",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:4|2^20",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|256:1",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:129",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:4|2:4",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4|x",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " KDR=\u00010")) {
            RtspException e = assertThrows(RtspException.class, () -> CryptoAttribute.parse(bad), bad);
            assertEquals(400, e.status().code());
        }
    }
}
