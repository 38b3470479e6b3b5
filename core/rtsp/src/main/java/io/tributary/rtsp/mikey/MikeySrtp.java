package io.tributary.rtsp.mikey;

import io.tributary.rtsp.srtp.MasterKey;
import io.tributary.rtsp.srtp.SrtpPolicy;
import io.tributary.rtsp.srtp.SrtpProfile;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/**
 * Between MIKEY messages and SRTP policies, the way GStreamer (gst-rtsp-server, rtspsrc) does it.
 *
 * <p>GStreamer's message ({@code gst_mikey_message_new_from_caps}): PSK-INIT, V clear, PRF
 * MIKEY-1, a random CSB id, one crypto session (policy 0, SSRC, ROC) per sending SSRC; then the
 * payloads T (NTP-UTC now), RAND (16 bytes), SP (policy 0, SRTP) and KEMAC (NULL encryption, NULL
 * MAC) holding one TEK key data of key||salt (30 bytes) and no separate salt.
 *
 * <p>One quirk matters: GStreamer writes the SRTP <em>tag</em> length in bytes (10 or 4) where
 * RFC 3830 has the session authentication <em>key</em> length, and reads it back that way
 * ({@code 4} means HMAC-SHA1-32, anything else HMAC-SHA1-80); it never writes the tag length
 * parameter and applies the SRTP tag length to SRTCP too. {@link #message} does the same and adds
 * the RFC's tag length parameter, which GStreamer ignores; {@link #policy} prefers that parameter
 * when present.
 */
public final class MikeySrtp {
    private static final int RAND_LENGTH = 16;

    private MikeySrtp() {
    }

    /**
     * A message handing {@code policy} to the peer for the streams of {@code sessions} (whose
     * policy numbers must be 0), laid out as GStreamer lays it out.
     *
     * @throws IllegalArgumentException when the SRTCP tag length differs from the SRTP one, which
     *                                  the message cannot say
     */
    public static MikeyMessage message(SrtpPolicy policy, List<CryptoSession> sessions, SecureRandom random,
            Instant now) {
        int tag = policy.profile().rtpTagLength();
        if (policy.srtcpTagLength() != tag) {
            throw new IllegalArgumentException("MIKEY gives SRTP and SRTCP one tag length");
        }
        for (CryptoSession cs : sessions) {
            if (cs.policy() != 0) {
                throw new IllegalArgumentException("the message carries security policy 0 only");
            }
        }
        byte[] rand = new byte[RAND_LENGTH];
        random.nextBytes(rand);
        byte[] mki = policy.mki();
        KeyData key = new KeyData(KeyData.Type.TEK, policy.masterKey().keyAndSalt(), null,
                mki.length == 0 ? null : mki, null, null);
        SecurityPolicyPayload sp = new SecurityPolicyPayload(0, SecurityPolicyPayload.SRTP, List.of(
                SecurityPolicyPayload.Param.of(SecurityPolicyPayload.ENCRYPTION_ALGORITHM, SecurityPolicyPayload.AES_CM),
                SecurityPolicyPayload.Param.of(SecurityPolicyPayload.ENCRYPTION_KEY_LENGTH, SrtpProfile.KEY_LENGTH),
                SecurityPolicyPayload.Param.of(SecurityPolicyPayload.AUTHENTICATION_ALGORITHM,
                        SecurityPolicyPayload.HMAC_SHA1),
                // GStreamer's reading of this parameter, see the class comment
                SecurityPolicyPayload.Param.of(SecurityPolicyPayload.AUTHENTICATION_KEY_LENGTH, tag),
                SecurityPolicyPayload.Param.of(SecurityPolicyPayload.SRTP_ENCRYPTION, 1),
                SecurityPolicyPayload.Param.of(SecurityPolicyPayload.SRTCP_ENCRYPTION, 1),
                SecurityPolicyPayload.Param.of(SecurityPolicyPayload.SRTP_AUTHENTICATION, 1),
                SecurityPolicyPayload.Param.of(SecurityPolicyPayload.AUTHENTICATION_TAG_LENGTH, tag)));
        return new MikeyMessage(MikeyMessage.Type.PSK_INIT, false, 0, random.nextInt() & 0xFFFF_FFFFL, sessions,
                List.of(TimestampPayload.ntpUtc(now), new RandPayload(rand), sp,
                        new KemacPayload(List.of(key))));
    }

    /**
     * The SRTP policy numbered {@code policyNo} with the first key of the first KEMAC, as
     * GStreamer reads it: without an SP payload of that number, AES-CM-128 with HMAC-SHA1-80.
     *
     * @throws MikeyException when there is no usable key, or the policy asks for something other
     *                        than the two suites of {@link SrtpProfile} (NULL cipher or
     *                        authentication, F8, GCM, a key derivation rate, SRTP unencrypted)
     */
    public static SrtpPolicy policy(MikeyMessage message, int policyNo) {
        SecurityPolicyPayload sp = null;
        for (MikeyPayload p : message.payloads()) {
            if (p instanceof SecurityPolicyPayload candidate && candidate.policy() == policyNo) {
                sp = candidate;
                break;
            }
        }
        int tag = SrtpProfile.AES_CM_128_HMAC_SHA1_80.rtpTagLength();
        if (sp != null) {
            if (sp.protocol() != SecurityPolicyPayload.SRTP) {
                throw new MikeyException("security policy " + policyNo + " is not for SRTP");
            }
            require(sp, SecurityPolicyPayload.ENCRYPTION_ALGORITHM, SecurityPolicyPayload.AES_CM, "cipher");
            require(sp, SecurityPolicyPayload.ENCRYPTION_KEY_LENGTH, SrtpProfile.KEY_LENGTH, "key length");
            require(sp, SecurityPolicyPayload.AUTHENTICATION_ALGORITHM, SecurityPolicyPayload.HMAC_SHA1,
                    "authentication");
            require(sp, SecurityPolicyPayload.SALT_KEY_LENGTH, SrtpProfile.SALT_LENGTH, "salt length");
            require(sp, SecurityPolicyPayload.PSEUDO_RANDOM_FUNCTION, 0, "PRF");
            require(sp, SecurityPolicyPayload.KEY_DERIVATION_RATE, 0, "key derivation rate");
            require(sp, SecurityPolicyPayload.SRTP_ENCRYPTION, 1, "SRTP encryption");
            require(sp, SecurityPolicyPayload.SRTP_AUTHENTICATION, 1, "SRTP authentication");
            // SRTCP encryption off needs nothing: each SRTCP packet says with its E flag
            long tagLength = sp.number(SecurityPolicyPayload.AUTHENTICATION_TAG_LENGTH);
            if (tagLength < 0) {
                tagLength = sp.number(SecurityPolicyPayload.AUTHENTICATION_KEY_LENGTH) == 4 ? 4 : tag;
            }
            if (tagLength != 4 && tagLength != 10) {
                throw new MikeyException("SRTP tag of " + tagLength + " bytes is not supported");
            }
            tag = (int) tagLength;
        }
        SrtpProfile profile = tag == 4 ? SrtpProfile.AES_CM_128_HMAC_SHA1_32 : SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        KemacPayload kemac = message.payload(KemacPayload.class);
        if (kemac == null) {
            throw new MikeyException("no KEMAC payload: the message carries no key");
        }
        KeyData data = kemac.keys().get(0);
        if (data.type() != KeyData.Type.TEK) {
            throw new MikeyException("the key is a TGK, not an SRTP master key");
        }
        MasterKey masterKey = masterKey(data);
        byte[] spi = data.spi();
        return new SrtpPolicy(profile, masterKey, tag, spi == null ? new byte[0] : spi);
    }

    private static MasterKey masterKey(KeyData data) {
        byte[] key = data.key();
        byte[] salt = data.salt();
        if (salt == null && key.length == SrtpProfile.KEY_LENGTH + SrtpProfile.SALT_LENGTH) {
            return MasterKey.of(key);
        }
        if (salt != null && key.length == SrtpProfile.KEY_LENGTH && salt.length == SrtpProfile.SALT_LENGTH) {
            return new MasterKey(key, salt);
        }
        throw new MikeyException("key of " + key.length + " bytes and salt of "
                + (salt == null ? 0 : salt.length) + " bytes is not an AES-128 master key and salt");
    }

    private static void require(SecurityPolicyPayload sp, int type, int expected, String what) {
        long value = sp.number(type);
        if (value >= 0 && value != expected) {
            throw new MikeyException("unsupported " + what + " " + value + " in security policy " + sp.policy());
        }
    }
}
