package io.tributary.auth.basic.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The user and password of {@code Basic} credentials (RFC 7617 §2): base64 of UTF-8
 * {@code user:password}, split at the first colon (a user-id has none, a password may).
 * The password stays a {@code char[]} so it can be wiped: {@link #clear()} once done.
 */
final class BasicCredentials {
    private final String user;
    private final char[] password;

    private BasicCredentials(String user, char[] password) {
        this.user = user;
        this.password = password;
    }

    /**
     * Decodes a token68.
     *
     * @throws IllegalArgumentException naming what is wrong (never the secret)
     */
    static BasicCredentials decode(String token68) {
        Objects.requireNonNull(token68, "token68");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token68);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("Basic credentials are not base64");
        }
        char[] text = null;
        try {
            text = utf8(bytes);
            int colon = indexOf(text, ':');
            if (colon < 0) {
                throw new IllegalArgumentException("Basic credentials have no colon");
            }
            if (colon == 0) {
                throw new IllegalArgumentException("Basic credentials have no user name");
            }
            for (char c : text) {
                if (c < 0x20 || c == 0x7F) {
                    throw new IllegalArgumentException("control character in Basic credentials");
                }
            }
            return new BasicCredentials(new String(text, 0, colon), Arrays.copyOfRange(text, colon + 1, text.length));
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (text != null) {
                Arrays.fill(text, '\0');
            }
        }
    }

    String user() {
        return user;
    }

    /** The password itself, not a copy: valid until {@link #clear()}. */
    char[] password() {
        return password;
    }

    /** Overwrites the password. */
    void clear() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + ", password=***]";
    }

    private static char[] utf8(byte[] bytes) {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Basic credentials are not UTF-8");
        }
        char[] text = new char[chars.remaining()];
        chars.get(text);
        Arrays.fill(chars.array(), '\0'); // the decoder's buffer holds the password too
        return text;
    }

    private static int indexOf(char[] text, char wanted) {
        for (int k = 0; k < text.length; k++) {
            if (text[k] == wanted) {
                return k;
            }
        }
        return -1;
    }
}
