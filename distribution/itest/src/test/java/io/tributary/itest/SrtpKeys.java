package io.tributary.itest;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client's side of SRTP for tests, written apart from the server's (only the JDK's AES and
 * HMAC): the keys a description carries, read from its {@code a=key-mgmt:mikey} (RFC 3830, as
 * GStreamer lays it out) or {@code a=crypto} (RFC 4568) lines, and SRTP packets decrypted and
 * authenticated with them (RFC 3711, AES_CM_128_HMAC_SHA1_80, key derivation rate 0).
 */
final class SrtpKeys {
    /** One track's key: master key and salt, and the rollover counter its SSRC's sender is at (MIKEY). */
    record TrackKey(byte[] masterKey, byte[] masterSalt, long ssrc, long roc) {
    }

    private static final Pattern MIKEY = Pattern.compile("a=key-mgmt:mikey (\\S+)");
    private static final Pattern SDES = Pattern.compile("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:([A-Za-z0-9+/=]+)");
    private static final int TAG = 10;

    private SrtpKeys() {
    }

    /** The media sections of an SDP, from its {@code m=} lines. */
    static List<String> mediaSections(String sdp) {
        List<String> sections = new ArrayList<>();
        for (String part : sdp.split("(?=\r?\nm=)")) {
            if (part.strip().startsWith("m=")) {
                sections.add(part.strip());
            }
        }
        return sections;
    }

    /** The MIKEY key of a media section. */
    static TrackKey mikey(String mediaSection) {
        Matcher m = MIKEY.matcher(mediaSection);
        if (!m.find()) {
            throw new AssertionError("no a=key-mgmt:mikey in\n" + mediaSection);
        }
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(m.group(1)));
        check(b.get() == 1, "MIKEY version 1");
        b.get(); // data type
        int next = b.get() & 0xFF;
        b.get(); // V flag and PRF
        b.getInt(); // CSB id
        int sessions = b.get() & 0xFF;
        check(b.get() == 0, "SRTP crypto session map");
        long ssrc = 0;
        long roc = 0;
        for (int i = 0; i < sessions; i++) {
            b.get(); // policy
            long s = b.getInt() & 0xFFFF_FFFFL;
            long r = b.getInt() & 0xFFFF_FFFFL;
            if (i == 0) {
                ssrc = s;
                roc = r;
            }
        }
        while (next != 0) {
            int type = next;
            next = b.get() & 0xFF;
            switch (type) {
                case 5 -> { // T: an NTP time or a counter
                    int timestampType = b.get();
                    b.position(b.position() + (timestampType == 2 ? 4 : 8));
                }
                case 11 -> { // RAND
                    int length = b.get() & 0xFF;
                    b.position(b.position() + length);
                }
                case 10 -> { // SP: policy, protocol, parameters
                    b.get();
                    b.get();
                    int length = b.getShort() & 0xFFFF;
                    b.position(b.position() + length);
                }
                case 1 -> { // KEMAC: NULL encryption, then the first key data sub-payload
                    check(b.get() == 0, "unencrypted KEMAC");
                    b.getShort();
                    b.get(); // next sub-payload
                    b.get(); // key type and validity
                    byte[] keyAndSalt = new byte[b.getShort() & 0xFFFF];
                    b.get(keyAndSalt);
                    check(keyAndSalt.length == 30, "a 16-byte key and a 14-byte salt");
                    return new TrackKey(Arrays.copyOf(keyAndSalt, 16), Arrays.copyOfRange(keyAndSalt, 16, 30), ssrc,
                            roc);
                }
                default -> throw new AssertionError("unexpected MIKEY payload " + type);
            }
        }
        throw new AssertionError("no KEMAC in the MIKEY message");
    }

    /** The SDES key of a media section (its stream's SSRC unknown: 0; ROC 0). */
    static TrackKey sdes(String mediaSection) {
        Matcher m = SDES.matcher(mediaSection);
        if (!m.find()) {
            throw new AssertionError("no a=crypto in\n" + mediaSection);
        }
        byte[] keyAndSalt = Base64.getDecoder().decode(m.group(1));
        check(keyAndSalt.length == 30, "a 16-byte key and a 14-byte salt");
        return new TrackKey(Arrays.copyOf(keyAndSalt, 16), Arrays.copyOfRange(keyAndSalt, 16, 30), 0, 0);
    }

    /**
     * The RTP packet inside {@code srtp} (12-byte header, no CSRC or extension, as Tributary sends),
     * or null when its tag does not authenticate it. {@code roc} is the sender's rollover counter.
     */
    static byte[] decrypt(TrackKey key, byte[] srtp, long roc) {
        try {
            byte[] cipherKey = derive(key, 0, 16);
            byte[] authKey = derive(key, 1, 20);
            byte[] salt = derive(key, 2, 14);
            int authenticated = srtp.length - TAG;
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(authKey, "HmacSHA1"));
            hmac.update(srtp, 0, authenticated);
            hmac.update(ByteBuffer.allocate(4).putInt((int) roc).array());
            byte[] tag = Arrays.copyOf(hmac.doFinal(), TAG);
            if (!MessageDigest.isEqual(tag, Arrays.copyOfRange(srtp, authenticated, srtp.length))) {
                return null;
            }
            long index = (roc << 16) | ((srtp[2] & 0xFFL) << 8) | (srtp[3] & 0xFFL);
            byte[] iv = new byte[16];
            System.arraycopy(salt, 0, iv, 0, 14);
            for (int i = 0; i < 4; i++) {
                iv[4 + i] ^= srtp[8 + i]; // SSRC
            }
            for (int i = 0; i < 6; i++) {
                iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
            }
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cipherKey, "AES"), new IvParameterSpec(iv));
            byte[] plain = Arrays.copyOf(srtp, authenticated);
            byte[] payload = aes.doFinal(srtp, 12, authenticated - 12);
            System.arraycopy(payload, 0, plain, 12, payload.length);
            return plain;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** A session key (RFC 3711 §4.3.1, key derivation rate 0): AES-CM keystream of the master key at the label's IV. */
    private static byte[] derive(TrackKey key, int label, int length) throws GeneralSecurityException {
        byte[] iv = new byte[16];
        System.arraycopy(key.masterSalt(), 0, iv, 0, 14);
        iv[7] ^= (byte) label;
        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.masterKey(), "AES"), new IvParameterSpec(iv));
        return aes.doFinal(new byte[length]);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("MIKEY message is not as expected: " + what);
        }
    }
}
