package io.tributary.transports.httptunnel.internal;

import java.nio.ByteBuffer;

/**
 * Decodes base64 (RFC 4648 §4, the standard alphabet) that arrives split anywhere, even inside
 * a four-character quantum, as a tunnel's POST body does. Each byte is given out as soon as its
 * last bits arrive, so a request whose text ends unpadded is not held back. Whitespace (space,
 * tab, CR, LF) is skipped wherever it is: clients put line ends between the requests they
 * encode. Padding ends a quantum and another may follow, since clients encode each request on
 * its own ({@code …Cg==T1BU…}). Bits left over in a padded quantum are ignored, as
 * {@link java.util.Base64} does. Anything else is an error for good.
 */
final class Base64Stream {
    private static final byte INVALID = -1;
    private static final byte WHITESPACE = -2;
    private static final byte PAD = -3;
    private static final byte[] VALUES = new byte[256];

    static {
        java.util.Arrays.fill(VALUES, INVALID);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
        VALUES[' '] = WHITESPACE;
        VALUES['\t'] = WHITESPACE;
        VALUES['\r'] = WHITESPACE;
        VALUES['\n'] = WHITESPACE;
        VALUES['='] = PAD;
    }

    /** The bits of the quantum not given out yet (the low ones of its last character). */
    private int bits;
    /** Characters of the current quantum read so far, 0 to 3. */
    private int count;
    /** After {@code xx=}: the quantum needs its second {@code =}. */
    private boolean secondPadDue;
    private boolean failed;

    /**
     * Decodes from {@code in} into {@code out} until {@code in} is read or {@code out} is full.
     *
     * @return {@code false} when {@code in} is not base64 (this decoder then refuses everything)
     */
    boolean decode(ByteBuffer in, ByteBuffer out) {
        if (failed) {
            return false;
        }
        while (in.hasRemaining() && out.hasRemaining()) {
            byte value = VALUES[in.get() & 0xff];
            if (value == WHITESPACE) {
                continue;
            }
            if (secondPadDue) {
                if (value != PAD) {
                    return fail();
                }
                secondPadDue = false;
                count = 0;
                continue;
            }
            if (value == PAD) {
                // "x=" and "=" alone say nothing: a quantum ends with one = after three characters, two after two
                switch (count) {
                    case 2 -> secondPadDue = true;
                    case 3 -> count = 0;
                    default -> {
                        return fail();
                    }
                }
                continue;
            }
            if (value == INVALID) {
                return fail();
            }
            switch (count) {
                case 0 -> bits = value;
                case 1 -> {
                    out.put((byte) (bits << 2 | value >> 4));
                    bits = value & 0x0f;
                }
                case 2 -> {
                    out.put((byte) (bits << 4 | value >> 2));
                    bits = value & 0x03;
                }
                default -> out.put((byte) (bits << 6 | value));
            }
            count = (count + 1) & 3;
        }
        return true;
    }

    /**
     * Whether the text so far could end here: after a whole or padded quantum, or after two or
     * three characters of one (unpadded base64, which {@link java.util.Base64} also accepts).
     */
    boolean atBoundary() {
        return !failed && !secondPadDue && count != 1;
    }

    private boolean fail() {
        failed = true;
        return false;
    }
}
