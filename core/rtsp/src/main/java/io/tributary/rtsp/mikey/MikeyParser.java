package io.tributary.rtsp.mikey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads MIKEY messages. Every length is checked against the bytes left; anything the records
 * cannot represent (an encrypted KEMAC, a MAC, payload types without a length field such as DH or
 * certificates, bytes after the last payload) is a {@link MikeyException} naming the field.
 * Nothing else is thrown, whatever the input.
 */
public final class MikeyParser {
    private final byte[] data;
    private int at;

    private MikeyParser(byte[] data) {
        this.data = data;
    }

    /** The message in {@code base64}, as {@code a=key-mgmt:mikey} and {@code KeyMgmt} carry it. */
    public static MikeyMessage parseBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new MikeyException("MIKEY data is not base64");
        }
        return parse(bytes);
    }

    public static MikeyMessage parse(byte[] message) {
        return new MikeyParser(message).message();
    }

    private MikeyMessage message() {
        need(10, "common header");
        int version = u8();
        if (version != 1) {
            throw new MikeyException("MIKEY version " + version + ", only 1 exists");
        }
        int dataType = u8();
        if (dataType >= MikeyMessage.Type.values().length) {
            throw new MikeyException("unknown data type " + dataType);
        }
        int next = u8();
        int flags = u8();
        long csbId = u32();
        int sessionCount = u8();
        int mapType = u8();
        if (mapType != Wire.MAP_TYPE_SRTP) {
            throw new MikeyException("CS ID map type " + mapType + " is not SRTP");
        }
        need(9 * sessionCount, "crypto session map");
        List<CryptoSession> sessions = new ArrayList<>(sessionCount);
        for (int i = 0; i < sessionCount; i++) {
            sessions.add(new CryptoSession(u8(), u32(), u32()));
        }
        List<MikeyPayload> payloads = new ArrayList<>();
        while (next != Wire.LAST) {
            int type = next;
            need(1, "payload header");
            next = u8();
            payloads.add(payload(type));
        }
        if (at != data.length) {
            throw new MikeyException((data.length - at) + " bytes after the last payload");
        }
        return new MikeyMessage(MikeyMessage.Type.values()[dataType], (flags & 0x80) != 0, flags & 0x7F, csbId,
                sessions, payloads);
    }

    /** The payload of {@code type} whose next-payload byte was just read. */
    private MikeyPayload payload(int type) {
        switch (type) {
            case Wire.T -> {
                need(1, "timestamp type");
                int tsType = u8();
                if (tsType > TimestampPayload.COUNTER) {
                    throw new MikeyException("unknown timestamp type " + tsType);
                }
                if (tsType == TimestampPayload.COUNTER) {
                    need(4, "timestamp");
                    return new TimestampPayload(tsType, u32());
                }
                need(8, "timestamp");
                return new TimestampPayload(tsType, (u32() << 32) | u32());
            }
            case Wire.RAND -> {
                need(1, "RAND length");
                return new RandPayload(bytes(u8(), "RAND"));
            }
            case Wire.SP -> {
                need(4, "security policy header");
                int policy = u8();
                int protocol = u8();
                int end = u16() + at;
                need(end - at, "security policy parameters");
                List<SecurityPolicyPayload.Param> params = new ArrayList<>();
                while (at < end) {
                    if (end - at < 2) {
                        throw new MikeyException("security policy parameter header runs past the policy");
                    }
                    int paramType = u8();
                    int length = u8();
                    if (length > end - at) {
                        throw new MikeyException("security policy parameter " + paramType + " runs past the policy");
                    }
                    params.add(new SecurityPolicyPayload.Param(paramType, bytes(length, "policy parameter")));
                }
                return new SecurityPolicyPayload(policy, protocol, params);
            }
            case Wire.KEMAC -> {
                need(3, "KEMAC header");
                int encryption = u8();
                if (encryption != Wire.NULL) {
                    throw new MikeyException("encrypted KEMAC (algorithm " + encryption + ") is not supported");
                }
                int end = u16() + at;
                need(end - at + 1, "KEMAC key data and MAC algorithm");
                List<KeyData> keys = new ArrayList<>();
                int subNext = Wire.KEY_DATA;
                while (subNext != Wire.LAST) {
                    if (subNext != Wire.KEY_DATA) {
                        throw new MikeyException("KEMAC sub-payload " + subNext + " is not key data");
                    }
                    if (at >= end) {
                        throw new MikeyException("KEMAC key data runs past the KEMAC");
                    }
                    subNext = u8();
                    keys.add(keyData(end));
                }
                if (at != end) {
                    throw new MikeyException((end - at) + " bytes after the last KEMAC key data");
                }
                int mac = u8();
                if (mac != Wire.NULL) {
                    throw new MikeyException("KEMAC with MAC algorithm " + mac + " is not supported");
                }
                return new KemacPayload(keys);
            }
            case Wire.GENERAL_EXTENSION -> {
                need(3, "extension header");
                int extType = u8();
                return new ExtensionPayload(extType, bytes(u16(), "extension data"));
            }
            default -> throw new MikeyException("unsupported payload type " + type);
        }
    }

    /** A key data sub-payload (its next-payload byte read) ending at or before {@code end}. */
    private KeyData keyData(int end) {
        within(end, 3, "key data header");
        int typeAndValidity = u8();
        int keyType = typeAndValidity >>> 4;
        int validity = typeAndValidity & 0x0F;
        if (keyType > Wire.TEK_AND_SALT) {
            throw new MikeyException("unknown key data type " + keyType);
        }
        int keyLength = u16();
        within(end, keyLength, "key");
        byte[] key = bytes(keyLength, "key");
        byte[] salt = null;
        if ((keyType & 1) != 0) {
            within(end, 2, "salt length");
            int saltLength = u16();
            within(end, saltLength, "salt");
            salt = bytes(saltLength, "salt");
        }
        byte[] spi = null;
        byte[] validFrom = null;
        byte[] validTo = null;
        switch (validity) {
            case Wire.KV_NULL -> { }
            case Wire.KV_SPI -> spi = shortField(end, "SPI");
            case Wire.KV_INTERVAL -> {
                validFrom = shortField(end, "valid-from");
                validTo = shortField(end, "valid-to");
            }
            default -> throw new MikeyException("unknown key validity type " + validity);
        }
        return new KeyData(keyType >= Wire.TEK ? KeyData.Type.TEK : KeyData.Type.TGK, key, salt, spi, validFrom,
                validTo);
    }

    /** A field of an 8-bit length then that many bytes, inside {@code end}. */
    private byte[] shortField(int end, String what) {
        within(end, 1, what + " length");
        int length = u8();
        within(end, length, what);
        return bytes(length, what);
    }

    private void need(int n, String what) {
        if (n < 0 || n > data.length - at) {
            throw new MikeyException("truncated " + what);
        }
    }

    private void within(int end, int n, String what) {
        if (n > end - at) {
            throw new MikeyException(what + " runs past the KEMAC");
        }
    }

    private byte[] bytes(int n, String what) {
        need(n, what);
        byte[] b = Arrays.copyOfRange(data, at, at + n);
        at += n;
        return b;
    }

    private int u8() {
        return data[at++] & 0xFF;
    }

    private int u16() {
        return (u8() << 8) | u8();
    }

    private long u32() {
        return ((long) u16() << 16) | u16();
    }
}
