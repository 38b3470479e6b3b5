package io.tributary.rtsp.mikey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.rtsp.srtp.MasterKey;
import io.tributary.rtsp.srtp.SrtpPolicy;
import io.tributary.rtsp.srtp.SrtpProfile;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MikeySrtpTest {
    private static final MasterKey KEY = MasterKey.of(HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d"));

    @Test
    void gstreamersMessagesGiveTheirPolicies() {
        SrtpPolicy server = MikeySrtp.policy(MikeyParser.parse(Messages.bytes(Messages.GST_RTSP_SERVER)), 0);
        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_80, server.profile());
        assertEquals(10, server.srtcpTagLength());

        SrtpPolicy short32 = MikeySrtp.policy(MikeyParser.parse(Messages.bytes(Messages.GST_SHA1_32)), 0);
        assertEquals(SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_32, KEY), short32);
        assertEquals(4, short32.srtcpTagLength(), "GStreamer authenticates SRTCP like SRTP");

        SrtpPolicy rfc = MikeySrtp.policy(MikeyParser.parse(Messages.bytes(Messages.RFC_LENGTHS_WITH_MKI)), 0);
        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_80, rfc.profile(), "key length 20 is the RFC's, not a tag");
        assertArrayEquals(new byte[] {0, 0, 0, 0x2F}, rfc.mki());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void messageCarriesThePolicyBack(SrtpProfile profile) {
        SrtpPolicy policy = SrtpPolicy.of(profile, KEY);
        for (SrtpPolicy p : List.of(policy, policy.withMki(new byte[] {1, 2, 3, 4}))) {
            MikeyMessage m = MikeySrtp.message(p, List.of(new CryptoSession(0, 0xDEADBEEFL, 12)), new SecureRandom(),
                    Instant.parse("2026-01-02T03:04:05Z"));
            MikeyMessage read = MikeyParser.parse(MikeyWriter.write(m));
            assertEquals(m, read);
            assertEquals(p, MikeySrtp.policy(read, 0));
            assertEquals(List.of(new CryptoSession(0, 0xDEADBEEFL, 12)), read.cryptoSessions());
        }
    }

    @Test
    void messageHasGStreamersLayout() {
        MikeyMessage gst = MikeyParser.parse(Messages.bytes(Messages.GST_SHA1_32));
        MikeyMessage ours = MikeySrtp.message(SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_32, KEY),
                List.of(new CryptoSession(0, 0x12345678L, 7)), new SecureRandom(), Instant.now());
        assertEquals(gst.type(), ours.type());
        assertEquals(gst.verify(), ours.verify());
        assertEquals(gst.prf(), ours.prf());
        assertEquals(gst.cryptoSessions(), ours.cryptoSessions());
        assertEquals(gst.payloads().stream().map(Object::getClass).toList(),
                ours.payloads().stream().map(Object::getClass).toList());
        SecurityPolicyPayload gstPolicy = gst.payload(SecurityPolicyPayload.class);
        SecurityPolicyPayload ourPolicy = ours.payload(SecurityPolicyPayload.class);
        // the same parameters in the same order, and the RFC's tag length after them
        assertEquals(gstPolicy.params(), ourPolicy.params().subList(0, gstPolicy.params().size()));
        assertEquals(List.of(SecurityPolicyPayload.Param.of(SecurityPolicyPayload.AUTHENTICATION_TAG_LENGTH, 4)),
                ourPolicy.params().subList(gstPolicy.params().size(), ourPolicy.params().size()));
        assertEquals(gst.payload(KemacPayload.class), ours.payload(KemacPayload.class));
    }

    @Test
    void unsupportedPoliciesAreRefused() {
        assertRefused("unsupported cipher 0 in security policy 0", SecurityPolicyPayload.ENCRYPTION_ALGORITHM, 0);
        assertRefused("unsupported cipher 6 in security policy 0", SecurityPolicyPayload.ENCRYPTION_ALGORITHM, 6);
        assertRefused("unsupported key length 32 in security policy 0", SecurityPolicyPayload.ENCRYPTION_KEY_LENGTH, 32);
        assertRefused("unsupported key derivation rate 1 in security policy 0",
                SecurityPolicyPayload.KEY_DERIVATION_RATE, 1);
        assertRefused("unsupported SRTP encryption 0 in security policy 0", SecurityPolicyPayload.SRTP_ENCRYPTION, 0);
        assertRefused("SRTP tag of 8 bytes is not supported", SecurityPolicyPayload.AUTHENTICATION_TAG_LENGTH, 8);

        MikeyMessage noKey = new MikeyMessage(MikeyMessage.Type.PSK_INIT, false, 0, 1, List.of(), List.of());
        assertEquals("no KEMAC payload: the message carries no key",
                assertThrows(MikeyException.class, () -> MikeySrtp.policy(noKey, 0)).getMessage());
        MikeyMessage shortKey = new MikeyMessage(MikeyMessage.Type.PSK_INIT, false, 0, 1, List.of(),
                List.of(new KemacPayload(List.of(KeyData.tek(new byte[16])))));
        assertThrows(MikeyException.class, () -> MikeySrtp.policy(shortKey, 0));
    }

    @Test
    void withoutItsPolicyTheDefaultsApply() {
        MikeyMessage m = new MikeyMessage(MikeyMessage.Type.PSK_INIT, false, 0, 1, List.of(),
                List.of(new KemacPayload(List.of(new KeyData(KeyData.Type.TEK, KEY.key(), KEY.salt(), null, null,
                        null)))));
        assertEquals(SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, KEY), MikeySrtp.policy(m, 3));
    }

    private static void assertRefused(String expected, int type, int value) {
        MikeyMessage m = new MikeyMessage(MikeyMessage.Type.PSK_INIT, false, 0, 1, List.of(), List.of(
                new SecurityPolicyPayload(0, SecurityPolicyPayload.SRTP, List.of(SecurityPolicyPayload.Param.of(type, value))),
                new KemacPayload(List.of(KeyData.tek(KEY.keyAndSalt())))));
        assertEquals(expected, assertThrows(MikeyException.class, () -> MikeySrtp.policy(m, 0)).getMessage());
    }
}
