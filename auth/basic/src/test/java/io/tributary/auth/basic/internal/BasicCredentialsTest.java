package io.tributary.auth.basic.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Decoding {@code base64(user:password)}, and the precise reason when it is not that. */
class BasicCredentialsTest {
    @Test
    void rfc7617ExampleDecodesToUserAndPassword() {
        BasicCredentials credentials = BasicCredentials.decode("QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertEquals("Aladdin", credentials.user());
        assertArrayEquals("open sesame".toCharArray(), credentials.password());
    }

    @Test
    void passwordMayHoldColonsAndBeEmpty() {
        assertArrayEquals("a:b:".toCharArray(), BasicCredentials.decode(base64("u:a:b:")).password());
        assertArrayEquals(new char[0], BasicCredentials.decode(base64("u:")).password());
    }

    @Test
    void userAndPasswordAreUtf8() {
        BasicCredentials credentials = BasicCredentials.decode(base64("test:123\u00A3"));
        assertArrayEquals("123\u00A3".toCharArray(), credentials.password());
        assertEquals("J\u00FCrgen", BasicCredentials.decode(base64("J\u00FCrgen:x")).user());
    }

    @Test
    void paddingMayBeLeftOut() {
        assertEquals("Aladdin", BasicCredentials.decode("QWxhZGRpbjpvcGVuIHNlc2FtZQ").user());
    }

    @Test
    void clearWipesThePassword() {
        BasicCredentials credentials = BasicCredentials.decode(base64("u:secret"));
        char[] password = credentials.password();
        credentials.clear();
        assertArrayEquals(new char[6], password);
    }

    @Test
    void malformedCredentialsAreRefusedWithTheReason() {
        assertEquals("Basic credentials are not base64", reason("not base64!"));
        assertEquals("Basic credentials are not base64", reason("dTpw=x"));
        assertEquals("Basic credentials are not UTF-8",
                reason(Base64.getEncoder().encodeToString(new byte[] {'u', ':', (byte) 0xFF})));
        assertEquals("Basic credentials have no colon", reason(base64("userpassword")));
        assertEquals("Basic credentials have no user name", reason(base64(":password")));
        assertEquals("control character in Basic credentials", reason(base64("u\r\nX-Evil: 1:p")));
        assertEquals("control character in Basic credentials", reason(base64("u:p\u0000")));
    }

    @Test
    void toStringHidesThePassword() {
        assertEquals("BasicCredentials[user=u, password=***]", BasicCredentials.decode(base64("u:secret")).toString());
    }

    private static String reason(String token68) {
        return assertThrows(IllegalArgumentException.class, () -> BasicCredentials.decode(token68)).getMessage();
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
