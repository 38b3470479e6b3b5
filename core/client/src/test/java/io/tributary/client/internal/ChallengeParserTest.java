package io.tributary.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeParserTest {

    @Test
    void severalChallengesInOneHeader() {
        List<Challenge> c = ChallengeParser.parse(List.of(
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
        Challenge c = ChallengeParser.parse(List.of(",digest realm=IP Camera(21870),nonce=abc,algorithm=\"MD5\",,"))
                .getFirst();
        assertEquals("digest", c.scheme());
        assertEquals("IP Camera(21870)", c.param("realm"));
        assertEquals("abc", c.param("nonce"));
        assertEquals("MD5", c.param("algorithm"));
    }

    @Test
    void token68AndSchemesWithoutParameters() {
        List<Challenge> c = ChallengeParser.parse(List.of("Negotiate YII==, NTLM, Basic realm=\"r\""));
        assertEquals(List.of("Negotiate", "NTLM", "Basic"), c.stream().map(Challenge::scheme).toList());
        assertEquals("YII", c.get(0).param(""));
    }

    @Test
    void escapesAndUnterminatedQuotes() {
        Challenge c = ChallengeParser.parse(List.of("Digest realm=\"x\\\"y\", nonce=\"open")).getFirst();
        assertEquals("x\"y", c.param("realm"));
        assertEquals("open", c.param("nonce"));
    }
}
