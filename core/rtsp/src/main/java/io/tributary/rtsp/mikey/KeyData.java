package io.tributary.rtsp.mikey;

import java.util.Arrays;
import java.util.Objects;

/**
 * A key data sub-payload of a KEMAC (RFC 3830 §6.13). GStreamer puts the SRTP master key and
 * master salt together in {@code key} and sends no separate salt. {@link #toString()} never shows
 * key material.
 *
 * @param salt      the salt, or null when the sub-payload has none
 * @param spi       the SPI/MKI the key is bound to (key validity type SPI), or null
 * @param validFrom start of the key's validity interval (key validity type interval), or null
 * @param validTo   end of that interval; null exactly when {@code validFrom} is
 */
public record KeyData(Type type, byte[] key, byte[] salt, byte[] spi, byte[] validFrom, byte[] validTo) {
    /** TEK generation key or traffic-encrypting key; SRTP master keys are TEKs. */
    public enum Type { TGK, TEK }

    public KeyData {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        if (key.length > 0xFFFF || (salt != null && salt.length > 0xFFFF)) {
            throw new IllegalArgumentException("key and salt have at most 65535 bytes");
        }
        if ((validFrom == null) != (validTo == null) || (spi != null && validFrom != null)) {
            throw new IllegalArgumentException("a key is bound to an SPI, to an interval or to nothing");
        }
        if ((spi != null && spi.length > 0xFF) || (validFrom != null && (validFrom.length > 0xFF || validTo.length > 0xFF))) {
            throw new IllegalArgumentException("key validity data has at most 255 bytes");
        }
        key = key.clone();
        salt = salt == null ? null : salt.clone();
        spi = spi == null ? null : spi.clone();
        validFrom = validFrom == null ? null : validFrom.clone();
        validTo = validTo == null ? null : validTo.clone();
    }

    /** A TEK with no separate salt and no validity restriction. */
    public static KeyData tek(byte[] key) {
        return new KeyData(Type.TEK, key, null, null, null, null);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt == null ? null : salt.clone();
    }

    @Override
    public byte[] spi() {
        return spi == null ? null : spi.clone();
    }

    @Override
    public byte[] validFrom() {
        return validFrom == null ? null : validFrom.clone();
    }

    @Override
    public byte[] validTo() {
        return validTo == null ? null : validTo.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyData other && type == other.type && Arrays.equals(key, other.key)
                && Arrays.equals(salt, other.salt) && Arrays.equals(spi, other.spi)
                && Arrays.equals(validFrom, other.validFrom) && Arrays.equals(validTo, other.validTo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(key), Arrays.hashCode(salt), Arrays.hashCode(spi),
                Arrays.hashCode(validFrom), Arrays.hashCode(validTo));
    }

    @Override
    public String toString() {
        return "KeyData[" + type + ", key " + key.length + " bytes, salt "
                + (salt == null ? "none" : salt.length + " bytes") + ", spi "
                + (spi == null ? "none" : spi.length + " bytes") + (validFrom == null ? "" : ", interval") + "]";
    }
}
