package io.tributary.auth.httphook.internal;

import static io.tributary.auth.httphook.internal.TestConfigs.config;
import static io.tributary.auth.httphook.internal.TestConfigs.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.auth.Decision;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HookSettingsTest {

    @Test
    void aUrlAloneGetsTheDocumentedDefaults() {
        HookSettings s = settings("url", "http://auth.local:9000/rtsp");
        assertEquals(URI.create("http://auth.local:9000/rtsp"), s.url().target());
        assertNull(s.url().authorization());
        assertEquals(Duration.ofMillis(2000), s.timeout());
        assertEquals(Duration.ofSeconds(30), s.cacheTtl());
        assertEquals(10000, s.cacheSize());
        assertEquals(Decision.DENY, s.onError());
        assertEquals(100, s.ranking());
    }

    @Test
    void everyKeyIsRead() {
        HookSettings s = settings("url", " https://auth.example/hook?site=1 ", "timeoutMillis", 500L,
                "cacheSeconds", 0, "cacheSize", 5, "onError", " Abstain ", "service_ranking", -3);
        assertEquals(URI.create("https://auth.example/hook?site=1"), s.url().target());
        assertEquals(Duration.ofMillis(500), s.timeout());
        assertEquals(Duration.ZERO, s.cacheTtl());
        assertEquals(5, s.cacheSize());
        assertEquals(Decision.ABSTAIN, s.onError());
        assertEquals(-3, s.ranking());
    }

    @Test
    void aMissingUrlIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HookSettings.of(config()));
        assertEquals("url is missing", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "ftp://auth/x", "file:///etc/passwd", "auth.local:9000/rtsp", "/auth", "http://",
            "http:///auth", "http://auth local/x", "http://auth/x#frag", "mailto:ops@example.com", "http://[::1/x"})
    void unusableUrlsAreRefused(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings("url", url));
        assertTrue(e.getMessage().startsWith("url "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://admin:hunter2@/x", "http://admin:hunter2@auth/a b", "ftp://admin:hunter2@auth/",
            "http://admin:hunter2@auth/x#frag", "http://admin:hun@ter2@auth/x"})
    void refusalsNeverQuoteTheUrlsPassword(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings("url", url));
        assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("ter2"), e.getMessage());
    }

    @Test
    void userInfoIsSentAsBasicCredentialsAndShownNowhere() {
        HookSettings s = settings("url", "http://rtsp%20hook:p%40ss:word@auth.local:9000/check?token=abc");
        assertEquals(URI.create("http://auth.local:9000/check?token=abc"), s.url().target());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("rtsp hook:p@ss:word".getBytes(StandardCharsets.UTF_8)),
                s.url().authorization());
        assertEquals("http://auth.local:9000/check", s.url().redacted());
        assertFalse(s.toString().contains("p%40ss") || s.toString().contains("token"), s.toString());
    }

    @Test
    void aUserWithoutPasswordHasAnEmptyOne() {
        assertEquals("Basic " + Base64.getEncoder().encodeToString("hook:".getBytes(StandardCharsets.UTF_8)),
                settings("url", "http://hook@auth/").url().authorization());
    }

    @Test
    void anUrlWithoutPathPostsToTheRootAndTheSchemeIsReadInAnyCase() {
        HookSettings s = settings("url", "HTTPS://[::1]:8443");
        assertEquals(URI.create("https://[::1]:8443/"), s.url().target());
        assertEquals("https://[::1]:8443/", s.url().redacted());
    }

    @Test
    void unusableNumbersAreRefusedByName() {
        assertMessage("timeoutMillis", "timeoutMillis", 0L);
        assertMessage("cacheSeconds", "cacheSeconds", -1);
        assertMessage("cacheSize", "cacheSize", -1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"allow", "permit", "", "deny!"})
    void onErrorIsDenyOrAbstainOnly(String onError) {
        assertMessage("onError", "onError", onError);
    }

    private static void assertMessage(String expectedName, String key, Object value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings("url", "http://auth/", key, value));
        assertTrue(e.getMessage().startsWith(expectedName), e.getMessage());
    }
}
