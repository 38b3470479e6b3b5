package io.tributary.rtsp.srtp;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * An SRTP master key (16 bytes) and master salt (14 bytes). Immutable: arrays are copied in
 * and out. {@link #toString()} never shows the bytes.
 */
public record MasterKey(byte[] key, byte[] salt) {
    public MasterKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(salt, "salt");
        if (key.length != SrtpProfile.KEY_LENGTH || salt.length != SrtpProfile.SALT_LENGTH) {
            throw new IllegalArgumentException("an SRTP master key has 16 bytes and its salt 14, not "
                    + key.length + " and " + salt.length);
        }
        key = key.clone();
        salt = salt.clone();
    }

    /** The key and salt concatenated, as SDES and MIKEY carry them (30 bytes). */
    public static MasterKey of(byte[] keyAndSalt) {
        if (keyAndSalt.length != SrtpProfile.KEY_LENGTH + SrtpProfile.SALT_LENGTH) {
            throw new IllegalArgumentException("key||salt must have 30 bytes, not " + keyAndSalt.length);
        }
        return new MasterKey(Arrays.copyOf(keyAndSalt, SrtpProfile.KEY_LENGTH),
                Arrays.copyOfRange(keyAndSalt, SrtpProfile.KEY_LENGTH, keyAndSalt.length));
    }

    /** A fresh key and salt from {@code random}. */
    public static MasterKey random(SecureRandom random) {
        byte[] keyAndSalt = new byte[SrtpProfile.KEY_LENGTH + SrtpProfile.SALT_LENGTH];
        random.nextBytes(keyAndSalt);
        return of(keyAndSalt);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** Key then salt, 30 bytes. */
    public byte[] keyAndSalt() {
        byte[] both = Arrays.copyOf(key, key.length + salt.length);
        System.arraycopy(salt, 0, both, key.length, salt.length);
        return both;
    }

    @Override
    public boolean equals(Object o) {
        // constant time: equality of keys is a secret too
        return o instanceof MasterKey other && MessageDigest.isEqual(keyAndSalt(), other.keyAndSalt());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key) * 31 + Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
