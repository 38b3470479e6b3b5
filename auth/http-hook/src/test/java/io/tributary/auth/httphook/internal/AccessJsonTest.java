package io.tributary.auth.httphook.internal;

import static io.tributary.auth.httphook.internal.Requests.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.auth.AccessRequest;
import io.tributary.api.auth.Permission;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessJsonTest {

    @Test
    void anAnonymousRequestIsSentWithAnEmptyUserAndPassword() {
        Map<String, Object> json = JsonObjects.parse(AccessJson.encode(Requests.anonymous("/cam1")));
        assertEquals(List.of("user", "password", "verified", "action", "path", "ip", "protocol", "method"),
                List.copyOf(json.keySet()));
        assertEquals("", json.get("user"));
        assertEquals("", json.get("password"));
        assertEquals(false, json.get("verified"));
        assertEquals("read", json.get("action"));
        assertEquals("/cam1", json.get("path"));
        assertEquals("10.0.0.7", json.get("ip"));
        assertEquals("rtsp", json.get("protocol"));
        assertEquals("DESCRIBE", json.get("method"));
    }

    @Test
    void anAuthenticatedUserIsSentAsVerifiedWithoutPassword() {
        Map<String, Object> json = JsonObjects.parse(AccessJson.encode(Requests.authenticated("alice", Permission.PUBLISH)));
        assertEquals("alice", json.get("user"));
        assertEquals("", json.get("password"));
        assertEquals(true, json.get("verified"));
        assertEquals("publish", json.get("action"));
        assertEquals("rtsps", json.get("protocol"));
        assertEquals("ANNOUNCE", json.get("method"));
        assertFalse(json.containsKey("digest"));
    }

    @Test
    void basicCredentialsAreSentWithTheirPasswordForTheServiceToCheck() {
        Map<String, Object> json = JsonObjects.parse(AccessJson.encode(Requests.basic("bob", PASSWORD)));
        assertEquals("bob", json.get("user"));
        assertEquals(PASSWORD, json.get("password"));
        assertEquals(false, json.get("verified"));
        assertFalse(json.containsKey("digest"));
    }

    @Test
    void digestCredentialsAreSentAsAnObjectOfTheirParametersWithTheMethod() {
        Map<String, Object> json = JsonObjects.parse(AccessJson.encode(Requests.digest("carol", Requests.digestParameters())));
        assertEquals("carol", json.get("user"));
        assertEquals("", json.get("password"));
        assertEquals(false, json.get("verified"));
        assertEquals(Requests.digestParameters(), json.get("digest"));
        assertEquals("DESCRIBE", ((Map<?, ?>) json.get("digest")).get("method"));
        assertEquals(List.of("user", "password", "digest", "verified", "action", "path", "ip", "protocol", "method"),
                List.copyOf(json.keySet()));
    }

    @Test
    void theAdminActionIsNamedInLowerCase() {
        Map<String, Object> json = JsonObjects.parse(AccessJson.encode(Requests.authenticated("root", Permission.ADMIN)));
        assertEquals("admin", json.get("action"));
    }

    @Test
    void equalRequestsGiveEqualBytesWhateverTheOrderOfTheirDigestParameters() {
        Map<String, String> reversed = new LinkedHashMap<>();
        List<Map.Entry<String, String>> entries = List.copyOf(Requests.digestParameters().entrySet());
        for (int i = entries.size() - 1; i >= 0; i--) {
            reversed.put(entries.get(i).getKey(), entries.get(i).getValue());
        }
        assertArrayEquals(AccessJson.encode(Requests.digest("carol", Requests.digestParameters())),
                AccessJson.encode(Requests.digest("carol", reversed)));
    }

    @Test
    void theIpHasNoPortAndAnIpv6AddressNoBrackets() {
        AccessRequest request = new AccessRequest(Permission.READ, "/a", null, null,
                new InetSocketAddress("::1", 554), "rtsp", false, "PLAY");
        assertEquals("0:0:0:0:0:0:0:1", JsonObjects.parse(AccessJson.encode(request)).get("ip"));
    }

    @Test
    void quotesControlCharactersAndNonAsciiTextSurviveTheTrip() {
        String user = "\"o'brien\"\n\\ Zoë 東京 \uD83D\uDE00";
        String password = "p\"a\u0000s\ts";
        Map<String, Object> json = JsonObjects.parse(AccessJson.encode(Requests.basic(user, password)));
        assertEquals(user, json.get("user"));
        assertEquals(password, json.get("password"));
    }

    @Test
    void aLoneSurrogateIsSentAsAnEscapeAndReadBackUnchanged() {
        String password = "pass\uD800word";
        byte[] body = AccessJson.encode(Requests.basic("eve", password));
        assertTrue(new String(body, StandardCharsets.US_ASCII).contains("pass\\uD800word"));
        assertEquals(password, JsonObjects.parse(body).get("password"));
    }
}
