package io.tributary.engine.session;

import java.security.SecureRandom;

/** Unguessable session ids: 128 bits of secure randomness as 32 lower-case hex digits (no dashes). */
final class SessionIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        char[] out = new char[32];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
