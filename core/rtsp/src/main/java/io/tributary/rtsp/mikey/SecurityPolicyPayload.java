package io.tributary.rtsp.mikey;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The SP payload (RFC 3830 §6.10): the parameters of security policy {@code policy} for a
 * protocol, SRTP being the only one defined (§6.10.1).
 *
 * @param protocol {@link #SRTP}
 * @param params   in order; a type may repeat, readers take the first
 */
public record SecurityPolicyPayload(int policy, int protocol, List<Param> params) implements MikeyPayload {
    public static final int SRTP = 0;

    /** SRTP policy parameter types (RFC 3830 §6.10.1, table 6.10.1.a). */
    public static final int ENCRYPTION_ALGORITHM = 0;
    public static final int ENCRYPTION_KEY_LENGTH = 1;
    public static final int AUTHENTICATION_ALGORITHM = 2;
    public static final int AUTHENTICATION_KEY_LENGTH = 3;
    public static final int SALT_KEY_LENGTH = 4;
    public static final int PSEUDO_RANDOM_FUNCTION = 5;
    public static final int KEY_DERIVATION_RATE = 6;
    public static final int SRTP_ENCRYPTION = 7;
    public static final int SRTCP_ENCRYPTION = 8;
    public static final int FEC_ORDER = 9;
    public static final int SRTP_AUTHENTICATION = 10;
    public static final int AUTHENTICATION_TAG_LENGTH = 11;
    public static final int SRTP_PREFIX_LENGTH = 12;

    /** Values of {@link #ENCRYPTION_ALGORITHM} and {@link #AUTHENTICATION_ALGORITHM}. */
    public static final int NULL = 0;
    public static final int AES_CM = 1;
    public static final int HMAC_SHA1 = 1;

    public SecurityPolicyPayload {
        if (policy < 0 || policy > 0xFF || protocol < 0 || protocol > 0xFF) {
            throw new IllegalArgumentException("policy and protocol are 8 bits");
        }
        params = List.copyOf(params);
        int length = 0;
        for (Param p : params) {
            length += 2 + p.value.length;
        }
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("policy parameters longer than 65535 bytes");
        }
    }

    /** The first parameter of {@code type} as an unsigned number (big-endian), or -1 when absent or empty. */
    public long number(int type) {
        for (Param p : params) {
            if (p.type == type) {
                if (p.value.length == 0 || p.value.length > 7) {
                    return -1;
                }
                long n = 0;
                for (byte b : p.value) {
                    n = (n << 8) | (b & 0xFF);
                }
                return n;
            }
        }
        return -1;
    }

    /** A type-length-value parameter; the value has at most 255 bytes. */
    public record Param(int type, byte[] value) {
        public Param {
            Objects.requireNonNull(value, "value");
            if (type < 0 || type > 0xFF || value.length > 0xFF) {
                throw new IllegalArgumentException("type is 8 bits, value at most 255 bytes");
            }
            value = value.clone();
        }

        /** A one-byte parameter, as all SRTP parameters are. */
        public static Param of(int type, int value) {
            return new Param(type, new byte[] {(byte) value});
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Param other && type == other.type && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return type * 31 + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return type + "=" + HexFormat.of().formatHex(value);
        }
    }
}
