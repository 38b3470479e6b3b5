package io.tributary.rtsp.mikey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MikeyParserTest {

    @Test
    void readsGStreamerRtspServersMessage() {
        MikeyMessage m = MikeyParser.parse(Messages.bytes(Messages.GST_RTSP_SERVER));
        assertEquals(MikeyMessage.Type.PSK_INIT, m.type());
        assertFalse(m.verify());
        assertEquals(0, m.prf());
        assertEquals(List.of(new CryptoSession(0, 2141177827L, 0)), m.cryptoSessions());
        assertEquals(4, m.payloads().size());
        TimestampPayload t = (TimestampPayload) m.payloads().get(0);
        assertEquals(TimestampPayload.NTP_UTC, t.type());
        assertEquals(16, ((RandPayload) m.payloads().get(1)).value().length);
        SecurityPolicyPayload sp = (SecurityPolicyPayload) m.payloads().get(2);
        assertEquals(0, sp.policy());
        assertEquals(SecurityPolicyPayload.SRTP, sp.protocol());
        assertEquals(List.of(0, 1, 2, 3, 7, 8, 10), sp.params().stream().map(SecurityPolicyPayload.Param::type).toList());
        assertEquals(10, sp.number(SecurityPolicyPayload.AUTHENTICATION_KEY_LENGTH), "GStreamer's tag length quirk");
        KemacPayload kemac = (KemacPayload) m.payloads().get(3);
        assertEquals(1, kemac.keys().size());
        KeyData key = kemac.keys().get(0);
        assertEquals(KeyData.Type.TEK, key.type());
        assertEquals(30, key.key().length);
        assertNull(key.salt());
        assertNull(key.spi());
    }

    @ParameterizedTest
    @ValueSource(strings = {Messages.GST_RTSP_SERVER, Messages.GST_SHA1_32, Messages.RFC_LENGTHS_WITH_MKI})
    void writingWhatWasReadGivesTheSameBytes(String name) {
        byte[] bytes = Messages.bytes(name);
        assertArrayEquals(bytes, MikeyWriter.write(MikeyParser.parse(bytes)));
    }

    @Test
    void readsAKeyBoundToAnMki() {
        MikeyMessage m = MikeyParser.parseBase64(Messages.base64(Messages.RFC_LENGTHS_WITH_MKI));
        assertNull(m.payload(RandPayload.class));
        KeyData key = m.payload(KemacPayload.class).keys().get(0);
        assertArrayEquals(new byte[] {0, 0, 0, 0x2F}, key.spi());
        assertEquals(0x40, key.key()[0]);
    }

    @Test
    void readsSaltIntervalAndExtension() {
        KeyData salted = new KeyData(KeyData.Type.TEK, new byte[16], new byte[14], null, new byte[] {1, 2},
                new byte[] {3});
        MikeyMessage m = new MikeyMessage(MikeyMessage.Type.PSK_VERIFY, true, 0, 0xFFFF_FFFFL, List.of(),
                List.of(new TimestampPayload(TimestampPayload.COUNTER, 0xFFFF_FFFFL), new KemacPayload(List.of(
                        salted, KeyData.tek(new byte[] {9}))), new ExtensionPayload(7, new byte[] {5, 6})));
        byte[] bytes = MikeyWriter.write(m);
        assertEquals(m, MikeyParser.parse(bytes));
        assertArrayEquals(bytes, MikeyWriter.write(MikeyParser.parse(bytes)));
    }

    @Test
    void everyTruncationIsAnError() {
        for (String name : List.of(Messages.GST_RTSP_SERVER, Messages.RFC_LENGTHS_WITH_MKI)) {
            byte[] bytes = Messages.bytes(name);
            for (int length = 0; length < bytes.length; length++) {
                byte[] cut = Arrays.copyOf(bytes, length);
                assertThrows(MikeyException.class, () -> MikeyParser.parse(cut), name + " cut at " + length);
            }
        }
    }

    @Test
    void rejectsWhatItCannotRepresent() {
        byte[] good = Messages.bytes(Messages.GST_RTSP_SERVER);
        // header: version, data type, map type; trailing bytes
        assertMessage("MIKEY version 2, only 1 exists", with(good, 0, 2));
        assertMessage("unknown data type 7", with(good, 1, 7));
        assertMessage("CS ID map type 1 is not SRTP", with(good, 9, 1));
        assertMessage("1 bytes after the last payload", Arrays.copyOf(good, good.length + 1));
        // header and map 19, T 10, RAND 18, SP 26: the KEMAC starts at 73 and ends with its MAC algorithm
        int kemac = 73;
        assertEquals(1, good[kemac - 26] & 0xFF, "the SP says the KEMAC comes next");
        assertMessage("encrypted KEMAC (algorithm 1) is not supported", with(good, kemac + 1, 1));
        assertMessage("KEMAC with MAC algorithm 1 is not supported", with(good, good.length - 1, 1));
        assertMessage("unsupported payload type 3", with(good, 2, 3));
        // a policy parameter longer than its policy
        int sp = 19 + 10 + 18;
        assertMessage("security policy parameter 0 runs past the policy", with(good, sp + 6, 0x30));
    }

    private static byte[] with(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static void assertMessage(String expected, byte[] bytes) {
        assertEquals(expected, assertThrows(MikeyException.class, () -> MikeyParser.parse(bytes)).getMessage());
    }
}
