package io.tributary.rtsp.sdp;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.srtp.MasterKey;
import io.tributary.rtsp.srtp.SrtpPolicy;
import io.tributary.rtsp.srtp.SrtpProfile;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The value of an SDES {@code a=crypto} attribute (RFC 4568 §9.1):
 * {@code <tag> <suite> inline:<base64 key||salt>[|<lifetime>][|<MKI>:<length>][;inline:…] [<session params>]}.
 *
 * <p>Strict where a mistake would break the media: the tag, the suite's syntax, base64, and for the
 * suites of {@link SrtpProfile} a key||salt of exactly 30 bytes. Lenient elsewhere: unknown suites
 * parse (their keys are kept as sent, so an offer can list them and a server skip them), session
 * parameters are kept as words. Errors are {@link RtspException}s with status 400.
 *
 * @param tag           1 to 9 digits, which an answer echoes
 * @param suite         the crypto suite as written, e.g. {@code AES_CM_128_HMAC_SHA1_80}
 * @param keys          at least one
 * @param sessionParams e.g. {@code KDR=0}, {@code UNENCRYPTED_SRTCP}, in order
 */
public record CryptoAttribute(int tag, String suite, List<Key> keys, List<String> sessionParams) {
    public CryptoAttribute {
        Objects.requireNonNull(suite, "suite");
        if (tag < 0 || tag > 999_999_999) {
            throw new IllegalArgumentException("tag has 1 to 9 digits");
        }
        if (suite.isEmpty() || !suite.chars().allMatch(c -> isAlphaNumeric(c) || c == '_')) {
            throw new IllegalArgumentException("suite is letters, digits and '_'");
        }
        keys = List.copyOf(keys);
        sessionParams = List.copyOf(sessionParams);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key");
        }
        SrtpProfile profile = SrtpProfile.bySdesName(suite);
        for (Key k : keys) {
            if (profile != null && k.keyAndSalt.length != SrtpProfile.KEY_LENGTH + SrtpProfile.SALT_LENGTH) {
                throw new IllegalArgumentException(suite + " takes 30 bytes of key and salt, not "
                        + k.keyAndSalt.length);
            }
        }
        for (String p : sessionParams) {
            if (p.isEmpty() || p.chars().anyMatch(c -> c <= ' ' || c >= 0x7F)) {
                throw new IllegalArgumentException("session parameters are visible ASCII words");
            }
        }
    }

    /** One key of the attribute, e.g. {@code inline:<base64>|2^31|1:4}. {@link #toString()} hides the key. */
    public record Key(byte[] keyAndSalt, Long lifetime, BigInteger mkiValue, int mkiLength) {
        public Key {
            Objects.requireNonNull(keyAndSalt, "keyAndSalt");
            if (keyAndSalt.length == 0) {
                throw new IllegalArgumentException("empty key");
            }
            if (lifetime != null && lifetime <= 0) {
                throw new IllegalArgumentException("lifetime must be positive");
            }
            if ((mkiValue == null) != (mkiLength == 0)) {
                throw new IllegalArgumentException("an MKI has a value and a length, or neither");
            }
            if (mkiValue != null && (mkiLength < 1 || mkiLength > SrtpPolicy.MAX_MKI_LENGTH || mkiValue.signum() < 0
                    || mkiValue.bitLength() > 8 * mkiLength)) {
                throw new IllegalArgumentException("MKI value must fit its length of 1 to 128 bytes");
            }
            keyAndSalt = keyAndSalt.clone();
        }

        /** A key with no lifetime and no MKI. */
        public static Key of(MasterKey key) {
            return new Key(key.keyAndSalt(), null, null, 0);
        }

        @Override
        public byte[] keyAndSalt() {
            return keyAndSalt.clone();
        }

        /** The MKI as every packet carries it: the value big-endian in {@code mkiLength} bytes; empty when none. */
        public byte[] mki() {
            byte[] mki = new byte[mkiLength];
            if (mkiValue != null) {
                byte[] value = mkiValue.toByteArray();
                int n = Math.min(value.length, mkiLength);
                System.arraycopy(value, value.length - n, mki, mkiLength - n, n);
            }
            return mki;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(keyAndSalt, other.keyAndSalt)
                    && Objects.equals(lifetime, other.lifetime) && Objects.equals(mkiValue, other.mkiValue)
                    && mkiLength == other.mkiLength;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(keyAndSalt), lifetime, mkiValue, mkiLength);
        }

        @Override
        public String toString() {
            return "Key[" + keyAndSalt.length + " bytes, lifetime=" + lifetime
                    + (mkiValue == null ? "" : ", mki=" + mkiValue + ":" + mkiLength) + "]";
        }
    }

    /** An attribute offering {@code policy}'s suite and key under {@code tag}. */
    public static CryptoAttribute of(int tag, SrtpPolicy policy) {
        byte[] mki = policy.mki();
        Key key = mki.length == 0 ? Key.of(policy.masterKey())
                : new Key(policy.masterKey().keyAndSalt(), null, new BigInteger(1, mki), mki.length);
        return new CryptoAttribute(tag, policy.profile().name(), List.of(key), List.of());
    }

    /** The suite as a profile, or null when Tributary does not speak it. */
    public SrtpProfile profile() {
        return SrtpProfile.bySdesName(suite);
    }

    /**
     * The SRTP policy of the first key (SRTCP tag as long as the SRTP tag, see
     * {@link SrtpPolicy#of}); null when the suite is not one of {@link SrtpProfile}. Session parameters are the caller's to check: the policy
     * assumes none (KDR 0, everything encrypted and authenticated).
     */
    public SrtpPolicy policy() {
        SrtpProfile profile = profile();
        if (profile == null) {
            return null;
        }
        Key key = keys.get(0);
        return SrtpPolicy.of(profile, MasterKey.of(key.keyAndSalt)).withMki(key.mki());
    }

    /** Parses the value after {@code a=crypto:}. */
    public static CryptoAttribute parse(String value) {
        if (value == null) {
            throw bad("empty crypto attribute");
        }
        String[] words = value.trim().split("[ \t]+");
        if (words.length < 3) {
            throw bad("crypto attribute needs a tag, a suite and keys");
        }
        if (words[0].isEmpty() || words[0].length() > 9 || !words[0].chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad("crypto tag is not 1 to 9 digits");
        }
        int tag = Integer.parseInt(words[0]);
        String suite = words[1];
        SrtpProfile profile = SrtpProfile.bySdesName(suite);
        List<Key> keys = new ArrayList<>();
        for (String keyParam : words[2].split(";", -1)) {
            keys.add(key(keyParam, profile));
        }
        try {
            return new CryptoAttribute(tag, suite, keys, Arrays.asList(words).subList(3, words.length));
        } catch (IllegalArgumentException e) {
            throw bad("malformed crypto attribute: " + e.getMessage());
        }
    }

    private static Key key(String param, SrtpProfile profile) {
        if (!param.regionMatches(true, 0, "inline:", 0, 7)) {
            throw bad("crypto key method is not inline");
        }
        String[] parts = param.substring(7).split("\\|", -1);
        if (parts.length > 3) {
            throw bad("crypto key has more than a lifetime and an MKI");
        }
        byte[] keyAndSalt;
        try {
            keyAndSalt = Base64.getDecoder().decode(parts[0]);
        } catch (IllegalArgumentException e) {
            throw bad("crypto key is not base64");
        }
        if (keyAndSalt.length == 0) {
            throw bad("empty crypto key");
        }
        if (profile != null && keyAndSalt.length != SrtpProfile.KEY_LENGTH + SrtpProfile.SALT_LENGTH) {
            throw bad(profile + " takes 30 bytes of key and salt, not " + keyAndSalt.length);
        }
        Long lifetime = null;
        BigInteger mkiValue = null;
        int mkiLength = 0;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int colon = part.indexOf(':');
            if (colon >= 0) {
                if (mkiValue != null) {
                    throw bad("two MKIs in one crypto key");
                }
                String digits = part.substring(0, colon);
                long length = digits(part.substring(colon + 1), 3);
                if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                        || digits.length() > 310 || length < 1 || length > SrtpPolicy.MAX_MKI_LENGTH) {
                    throw bad("malformed MKI");
                }
                mkiValue = new BigInteger(digits);
                mkiLength = (int) length;
                if (mkiValue.bitLength() > 8 * mkiLength) {
                    throw bad("MKI value does not fit its length");
                }
            } else {
                if (lifetime != null || mkiValue != null) {
                    throw bad("crypto key lifetime misplaced");
                }
                lifetime = lifetime(part);
            }
        }
        return new Key(keyAndSalt, lifetime, mkiValue, mkiLength);
    }

    /** {@code 2^31} or {@code 1048576}, in packets. */
    private static long lifetime(String s) {
        long n;
        if (s.startsWith("2^")) {
            long exponent = digits(s.substring(2), 2);
            n = exponent >= 0 && exponent <= 62 ? 1L << exponent : -1;
        } else {
            n = digits(s, 18);
        }
        if (n <= 0) {
            throw bad("malformed crypto key lifetime");
        }
        return n;
    }

    private static long digits(String s, int max) {
        if (s.isEmpty() || s.length() > max || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(s);
    }

    /** The attribute value, lifetimes that are powers of two as {@code 2^n}. */
    public String format() {
        StringBuilder sb = new StringBuilder(96).append(tag).append(' ').append(suite).append(' ');
        for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            sb.append(i == 0 ? "" : ";").append("inline:").append(Base64.getEncoder().encodeToString(k.keyAndSalt));
            if (k.lifetime != null) {
                long l = k.lifetime;
                sb.append('|').append(Long.bitCount(l) == 1 ? "2^" + Long.numberOfTrailingZeros(l) : Long.toString(l));
            }
            if (k.mkiValue != null) {
                sb.append('|').append(k.mkiValue).append(':').append(k.mkiLength);
            }
        }
        for (String p : sessionParams) {
            sb.append(' ').append(p);
        }
        return sb.toString();
    }

    public Attribute toAttribute() {
        return new Attribute("crypto", format());
    }

    private static boolean isAlphaNumeric(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static RtspException bad(String reason) {
        return new RtspException(RtspStatus.BAD_REQUEST, reason);
    }
}
