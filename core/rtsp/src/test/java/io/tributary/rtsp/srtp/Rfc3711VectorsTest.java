package io.tributary.rtsp.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The test vectors of RFC 3711 Appendix B, and the HMAC against the JDK's. */
class Rfc3711VectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void keystreamMatchesAppendixB2() {
        AesCounterMode aes = new AesCounterMode(HEX.parseHex("2B7E151628AED2A6ABF7158809CF4F3C"),
                HEX.parseHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"), 1024);
        aes.start(0, 0);
        // the RFC's segment: 65282 blocks, from counter ...0000 to ...FF01
        byte[] keystream = new byte[0xFF02 * 16];
        for (int offset = 0; offset < keystream.length; offset += 1024) {
            int n = Math.min(1024, keystream.length - offset);
            System.arraycopy(aes.keystream(offset, n), 0, keystream, offset, n);
        }
        assertEquals("E03EAD0935C95E80E166B16DD92B4EB4", block(keystream, 0x0000));
        assertEquals("D23513162B02D0F72A43A2FE4A5F97AB", block(keystream, 0x0001));
        assertEquals("41E95B3BB0A2E8DD477901E4FCA894C0", block(keystream, 0x0002));
        assertEquals("EC8CDF7398607CB0F2D21675EA9EA1E4", block(keystream, 0xFEFF));
        assertEquals("362B7C3C6773516318A077D7FC5073AE", block(keystream, 0xFF00));
        assertEquals("6A2CC3787889374FBEB4C81B17BA6C44", block(keystream, 0xFF01));
    }

    @Test
    void sessionKeysMatchAppendixB3() {
        MasterKey master = new MasterKey(HEX.parseHex("E1F97A0D3E018BE0D64FA32C06DE4139"),
                HEX.parseHex("0EC675AD498AFEEBB6960B3AABE6"));
        assertEquals("C61E7A93744F39EE10734AFE3FF7A087",
                HEX.withUpperCase().formatHex(KeyDerivation.derive(master, KeyDerivation.RTP_ENCRYPTION, 16)));
        assertEquals("30CBBC08863D8C85D49DB34A9AE1",
                HEX.withUpperCase().formatHex(KeyDerivation.derive(master, KeyDerivation.RTP_SALT, 14)));
        // B.3 lists 94 bytes of authentication key; SRTP uses the first 20
        assertEquals("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCE"
                        + "E049646C43D9327AD175578EF72270986371C10C9A369AC2F94A8C5FBCDDDC25"
                        + "6D6E919A48B610EF17C2041E474035766B68642C59BBFC2F34DB60DBDFB2",
                HEX.withUpperCase().formatHex(KeyDerivation.derive(master, KeyDerivation.RTP_AUTHENTICATION, 94)));
    }

    @Test
    void hmacEqualsTheJdkMacForAnyKeyAndMessage() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            byte[] key = new byte[random.nextInt(100)];
            byte[] message = new byte[random.nextInt(3000)];
            random.nextBytes(key);
            random.nextBytes(message);
            Mac jdk = Mac.getInstance("HmacSHA1");
            jdk.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
            if (key.length == 0) {
                // SecretKeySpec refuses empty keys; an empty key hashes like a zero byte
                key = new byte[1];
            }
            HmacSha1 ours = new HmacSha1(key);
            ours.start();
            ours.update(message, 0, message.length);
            assertArrayEquals(jdk.doFinal(message), ours.finish());
        }
    }

    @Test
    void hmacMatchesRfc2202TestCase2() {
        HmacSha1 mac = new HmacSha1("Jefe".getBytes());
        byte[] data = "what do ya want for nothing?".getBytes();
        mac.start();
        mac.update(data, 0, data.length);
        assertEquals("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", HEX.formatHex(mac.finish()));
    }

    private static String block(byte[] keystream, int i) {
        return HEX.withUpperCase().formatHex(Arrays.copyOfRange(keystream, i * 16, i * 16 + 16));
    }
}
