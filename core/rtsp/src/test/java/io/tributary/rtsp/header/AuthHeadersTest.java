package io.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.rtsp.message.RtspException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthHeadersTest {

    @Test
    void severalChallengesInOneHeader() {
        List<Challenge> c = Challenge.parseAll(List.of(
                "Digest realm=\"a, b\", nonce=\"n\", qop=\"auth,auth-int\", Basic realm=\"c\""));
        assertEquals(2, c.size());
        assertEquals("Digest", c.get(0).scheme());
        assertEquals("a, b", c.get(0).param("realm"));
        assertEquals("auth,auth-int", c.get(0).param("QOP"));
        assertEquals("Basic", c.get(1).scheme());
        assertEquals("c", c.get(1).param("realm"));
    }

    @Test
    void cameraSpellings() {
        // lower-case scheme, no spaces, bare values, quoted algorithm, stray commas
        Challenge c = Challenge.parseAll(List.of(",digest realm=IP Camera(21870),nonce=abc,algorithm=\"MD5\",,"))
                .getFirst();
        assertEquals("digest", c.scheme());
        assertEquals("IP Camera(21870)", c.param("realm"));
        assertEquals("abc", c.param("nonce"));
        assertEquals("MD5", c.param("algorithm"));
    }

    @Test
    void token68AndSchemesWithoutParameters() {
        List<Challenge> c = Challenge.parseAll(List.of("Negotiate YII/+a==, NTLM, Basic realm=\"r\""));
        assertEquals(List.of("Negotiate", "NTLM", "Basic"), c.stream().map(Challenge::scheme).toList());
        assertEquals("YII/+a==", c.get(0).param(""));
    }

    @Test
    void escapesAndUnterminatedQuotes() {
        Challenge c = Challenge.parseAll(List.of("Digest realm=\"x\\\"y\", nonce=\"open")).getFirst();
        assertEquals("x\"y", c.param("realm"));
        assertEquals("open", c.param("nonce"));
    }

    @Test
    void challengeKeepsParameterOrderAndQuotesAsRfc7616() {
        // live555 reads realm and nonce only when they come first and in this order
        Challenge c = Challenge.of("Digest", "realm", "Tributary", "nonce", "abc=", "algorithm", "SHA-256",
                "qop", "auth").with("stale", "true");
        assertEquals("Digest realm=\"Tributary\", nonce=\"abc=\", algorithm=SHA-256, qop=\"auth\", stale=true",
                c.format());
        assertEquals(List.of(c), Challenge.parseAll(List.of(c.format())));
    }

    @Test
    void basicCredentialsWithPadding() {
        for (String token : List.of("dXNlcjpwYXNz", "dXNlcjpwYXM=", "dXNlcjpwYQ==", "a/b+c==")) {
            Authorization a = Authorization.parse("Basic " + token);
            assertEquals("Basic", a.scheme());
            assertEquals(token, a.token68());
            assertEquals("Basic " + token, a.format());
        }
    }

    @Test
    void digestCredentialsAsFfmpegAndGstreamerSendThem() {
        // ffmpeg 5.1
        Authorization ff = Authorization.parse("Digest username=\"alice\", realm=\"Tributary\", nonce=\"n1\","
                + " uri=\"rtsp://127.0.0.1:8554/cams/a\", response=\"0123\", algorithm=\"MD5\", qop=\"auth\","
                + " cnonce=\"c1\", nc=00000001");
        assertEquals("alice", ff.param("username"));
        assertEquals("rtsp://127.0.0.1:8554/cams/a", ff.param("uri"));
        assertEquals("00000001", ff.param("nc"));
        assertEquals("auth", ff.param("qop"));
        // GStreamer rtspsrc: RFC 2069, no qop
        Authorization gst = Authorization.parse("Digest username=\"alice\", realm=\"Tributary\", nonce=\"n1\","
                + " uri=\"rtsp://127.0.0.1:8554/cams/a\", response=\"4567\"");
        assertNull(gst.param("qop"));
        assertEquals(gst, Authorization.parse(gst.format()));
        assertEquals("Digest username=\"a\", uri=\"/x\", algorithm=MD5, qop=auth, nc=00000002",
                Authorization.of("Digest", "username", "a", "uri", "/x", "algorithm", "MD5", "qop", "auth",
                        "nc", "00000002").format());
    }

    @Test
    void badCredentialsAre400() {
        for (String bad : List.of("", "   ", "Digest a=b, Basic xyz", "\u0001Basic x", ",,,")) {
            RtspException e = assertThrows(RtspException.class, () -> Authorization.parse(bad), bad);
            assertEquals(400, e.status().code());
        }
        assertThrows(RtspException.class, () -> Authorization.parse("Basic " + "a".repeat(5000)));
    }

    @Test
    void credentialsNeverShowInToString() {
        Authorization a = Authorization.parse("Basic c2VjcmV0OnNlY3JldA==");
        assertFalse(a.toString().contains("c2VjcmV0"));
    }

    @Test
    void formattedValuesCannotSplitTheHeaderLine() {
        Challenge c = Challenge.of("Digest", "realm", "a\r\nInjected: yes");
        assertFalse(c.format().contains("\r") || c.format().contains("\n"));
    }
}
