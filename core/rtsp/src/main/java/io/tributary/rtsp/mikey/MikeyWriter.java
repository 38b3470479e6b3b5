package io.tributary.rtsp.mikey;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;

/**
 * Writes MIKEY messages in the byte layout GStreamer's {@code gst_mikey_message_to_bytes} makes
 * and its parser reads: header, crypto session map, then each payload with the type of the next
 * one in its first byte.
 */
public final class MikeyWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

    private MikeyWriter() {
    }

    public static byte[] write(MikeyMessage message) {
        MikeyWriter w = new MikeyWriter();
        w.message(message);
        return w.out.toByteArray();
    }

    /** {@link #write} in base64, for {@code a=key-mgmt:mikey} and {@code KeyMgmt}. */
    public static String writeBase64(MikeyMessage message) {
        return Base64.getEncoder().encodeToString(write(message));
    }

    private void message(MikeyMessage m) {
        List<MikeyPayload> payloads = m.payloads();
        u8(1);
        u8(m.type().ordinal());
        u8(payloads.isEmpty() ? Wire.LAST : typeOf(payloads.get(0)));
        u8((m.verify() ? 0x80 : 0) | m.prf());
        u32(m.csbId());
        u8(m.cryptoSessions().size());
        u8(Wire.MAP_TYPE_SRTP);
        for (CryptoSession cs : m.cryptoSessions()) {
            u8(cs.policy());
            u32(cs.ssrc());
            u32(cs.roc());
        }
        for (int i = 0; i < payloads.size(); i++) {
            u8(i + 1 < payloads.size() ? typeOf(payloads.get(i + 1)) : Wire.LAST);
            payload(payloads.get(i));
        }
    }

    private static int typeOf(MikeyPayload p) {
        return switch (p) {
            case TimestampPayload t -> Wire.T;
            case RandPayload r -> Wire.RAND;
            case SecurityPolicyPayload sp -> Wire.SP;
            case KemacPayload k -> Wire.KEMAC;
            case ExtensionPayload e -> Wire.GENERAL_EXTENSION;
        };
    }

    private void payload(MikeyPayload p) {
        switch (p) {
            case TimestampPayload t -> {
                u8(t.type());
                if (t.valueLength() == 4) {
                    u32(t.value());
                } else {
                    u32(t.value() >>> 32);
                    u32(t.value());
                }
            }
            case RandPayload r -> {
                byte[] value = r.value();
                u8(value.length);
                out.writeBytes(value);
            }
            case SecurityPolicyPayload sp -> {
                u8(sp.policy());
                u8(sp.protocol());
                int length = 0;
                for (SecurityPolicyPayload.Param param : sp.params()) {
                    length += 2 + param.value().length;
                }
                u16(length);
                for (SecurityPolicyPayload.Param param : sp.params()) {
                    byte[] value = param.value();
                    u8(param.type());
                    u8(value.length);
                    out.writeBytes(value);
                }
            }
            case KemacPayload k -> {
                u8(Wire.NULL);
                byte[] keys = keyData(k.keys());
                if (keys.length > 0xFFFF) {
                    throw new IllegalArgumentException("KEMAC key data longer than 65535 bytes");
                }
                u16(keys.length);
                out.writeBytes(keys);
                u8(Wire.NULL);
            }
            case ExtensionPayload e -> {
                byte[] data = e.data();
                u8(e.type());
                u16(data.length);
                out.writeBytes(data);
            }
        }
    }

    private static byte[] keyData(List<KeyData> keys) {
        MikeyWriter w = new MikeyWriter();
        for (int i = 0; i < keys.size(); i++) {
            KeyData k = keys.get(i);
            byte[] key = k.key();
            byte[] salt = k.salt();
            byte[] spi = k.spi();
            byte[] validFrom = k.validFrom();
            int type = (k.type() == KeyData.Type.TEK ? Wire.TEK : Wire.TGK) | (salt == null ? 0 : 1);
            int validity = spi != null ? Wire.KV_SPI : validFrom != null ? Wire.KV_INTERVAL : Wire.KV_NULL;
            w.u8(i + 1 < keys.size() ? Wire.KEY_DATA : Wire.LAST);
            w.u8(type << 4 | validity);
            w.u16(key.length);
            w.out.writeBytes(key);
            if (salt != null) {
                w.u16(salt.length);
                w.out.writeBytes(salt);
            }
            if (spi != null) {
                w.u8(spi.length);
                w.out.writeBytes(spi);
            } else if (validFrom != null) {
                byte[] validTo = k.validTo();
                w.u8(validFrom.length);
                w.out.writeBytes(validFrom);
                w.u8(validTo.length);
                w.out.writeBytes(validTo);
            }
        }
        return w.out.toByteArray();
    }

    private void u8(int v) {
        out.write(v);
    }

    private void u16(int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private void u32(long v) {
        u16((int) (v >>> 16) & 0xFFFF);
        u16((int) v & 0xFFFF);
    }
}
