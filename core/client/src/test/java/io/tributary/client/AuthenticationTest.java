package io.tributary.client;

import static io.tributary.client.TestSupport.authParams;
import static io.tributary.client.TestSupport.await;
import static io.tributary.client.TestSupport.expectedDigest;
import static io.tributary.client.TestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.message.RtspRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 401 handling against a scripted camera that checks every Authorization the client sends
 * with its own RFC 7616 computation.
 */
@Timeout(20)
class AuthenticationTest {
    @RegisterExtension
    static final SharedClient shared = new SharedClient();
    private static final EventLoopGroup group = shared.group;
    private static final RtspClient client = shared.client;

    /** A camera that accepts {@code algorithm} Digest for admin/password and answers normally. */
    private static FakeRtspServer.Script digestCamera(String jca, String password, String... challenges) {
        return ex -> {
            String auth = ex.header("Authorization");
            if (auth == null || !auth.startsWith("Digest ")) {
                ex.reply(401, "Unauthorized", null, challenges);
                return;
            }
            Map<String, String> p = authParams(auth);
            if (!p.get("response").equals(expectedDigest(p, jca, ex.method(), password))) {
                ex.reply(401, "Unauthorized", null, challenges);
                return;
            }
            FakeCamera.answer(ex);
        };
    }

    @Test
    void digestMd5WithQopAuthCountsRequests() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(digestCamera("MD5", "s3cret",
                "WWW-Authenticate: Digest realm=\"cam\", nonce=\"abc123\", qop=\"auth\", algorithm=MD5, opaque=\"op\""))) {
            ClientSession session = await(client.connect(
                    "rtsp://admin:s3cret@127.0.0.1:" + server.port() + "/stream"), 5000);
            Description d = await(session.describe(), 5000);
            await(session.setup(d.tracks().getFirst(), LowerTransport.TCP), 5000);

            List<RtspRequest> requests = server.drainRequests();
            assertEquals(List.of("DESCRIBE", "DESCRIBE", "SETUP"), requests.stream().map(RtspRequest::method).toList());
            assertNull(requests.get(0).header("Authorization"));
            Map<String, String> first = authParams(requests.get(1).header("Authorization"));
            Map<String, String> second = authParams(requests.get(2).header("Authorization"));
            assertEquals("admin", first.get("username"));
            assertEquals("cam", first.get("realm"));
            assertEquals(requests.get(1).uri(), first.get("uri"), "digest-uri is the request URI");
            assertEquals("auth", first.get("qop"));
            assertEquals("op", first.get("opaque"));
            assertEquals("MD5", first.get("algorithm"));
            assertEquals("00000001", first.get("nc"));
            assertEquals("00000002", second.get("nc"), "the nonce count grows with each request");
            assertEquals(first.get("cnonce"), second.get("cnonce"));
            assertFalse(requests.get(1).uri().contains("s3cret"), "credentials never go into the request URI");
            session.close();
        }
    }

    @Test
    void sha256IsPreferredOverMd5AndBasic() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(digestCamera("SHA-256", "pw",
                "WWW-Authenticate: Basic realm=\"cam\"",
                "WWW-Authenticate: Digest realm=\"cam\", nonce=\"n1\", qop=\"auth\", algorithm=MD5",
                "WWW-Authenticate: Digest realm=\"cam\", nonce=\"n2\", qop=\"auth\", algorithm=SHA-256"))) {
            // credentials from the options this time, not from the URL
            RtspClient withOptions = new RtspClient(group,
                    RtspClientOptions.defaults().withCredentials(new Credentials("user", "pw")));
            ClientSession session = await(withOptions.connect(server.url("/s")), 5000);
            await(session.describe(), 5000);
            server.next("DESCRIBE", 1000);
            Map<String, String> p = authParams(server.next("DESCRIBE", 1000).header("Authorization"));
            assertEquals("SHA-256", p.get("algorithm"));
            assertEquals("n2", p.get("nonce"));
            assertEquals(64, p.get("response").length());
            session.close();
            withOptions.close();
        }
    }

    @Test
    void basicWhenOnlyBasicIsOffered() throws Exception {
        String expected = "Basic " + Base64.getEncoder().encodeToString("admin:p@ss:w/rd".getBytes(StandardCharsets.UTF_8));
        try (FakeRtspServer server = new FakeRtspServer(ex -> {
            if (!expected.equals(ex.header("Authorization"))) {
                ex.reply(401, "Unauthorized", null, "WWW-Authenticate: Basic realm=\"IP Camera\"");
                return;
            }
            FakeCamera.answer(ex);
        })) {
            // '@' and ':' unescaped in the password, '/' escaped: as cameras' URLs are written
            ClientSession session = await(client.connect(
                    "rtsp://admin:p@ss:w%2Frd@127.0.0.1:" + server.port() + "/live"), 5000);
            Description d = await(session.describe(), 5000);
            assertEquals(2, d.tracks().size());
            assertEquals("rtsp://127.0.0.1:" + server.port() + "/live", session.url(), "the URL shown has no credentials");
            session.close();
        }
    }

    @Test
    void staleNonceIsRenewedWithoutFailing() throws Exception {
        AtomicInteger nonce = new AtomicInteger(1);
        try (FakeRtspServer server = new FakeRtspServer(ex -> {
            String current = "nonce" + nonce.get();
            String challenge = "WWW-Authenticate: Digest realm=\"cam\", nonce=\"" + current + "\", qop=\"auth\"";
            String auth = ex.header("Authorization");
            if (auth == null) {
                ex.reply(401, "Unauthorized", null, challenge);
                return;
            }
            Map<String, String> p = authParams(auth);
            if (!p.get("response").equals(expectedDigest(p, "MD5", ex.method(), "pw"))) {
                ex.reply(401, "Unauthorized", null, challenge);
                return;
            }
            if (ex.method().equals("SETUP") && nonce.get() == 1) {
                nonce.set(2); // the nonce expires: right credentials, old nonce → stale
                ex.reply(401, "Unauthorized", null, "WWW-Authenticate: Digest realm=\"cam\", nonce=\"nonce2\", "
                        + "qop=\"auth\", stale=true");
                return;
            }
            if (!p.get("nonce").equals(current)) {
                ex.reply(401, "Unauthorized", null, challenge);
                return;
            }
            FakeCamera.answer(ex);
        })) {
            ClientSession session = await(client.connect("rtsp://u:pw@127.0.0.1:" + server.port() + "/x"), 5000);
            Description d = await(session.describe(), 5000);
            TrackSetup setup = await(session.setup(d.tracks().getFirst(), LowerTransport.TCP), 5000);
            assertNotNull(setup);
            List<RtspRequest> setups = server.drainRequests().stream().filter(r -> r.method().equals("SETUP")).toList();
            assertEquals(2, setups.size());
            Map<String, String> retried = authParams(setups.get(1).header("Authorization"));
            assertEquals("nonce2", retried.get("nonce"));
            assertEquals("00000001", retried.get("nc"), "a new nonce starts counting again");
            session.close();
        }
    }

    @Test
    void legacyDigestWithoutQop() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(digestCamera("MD5", "pw",
                "WWW-Authenticate: Digest realm=\"old\", nonce=\"4b1d\""))) {
            ClientSession session = await(client.connect("rtsp://u:pw@127.0.0.1:" + server.port() + "/x"), 5000);
            await(session.describe(), 5000);
            server.next("DESCRIBE", 1000);
            Map<String, String> p = authParams(server.next("DESCRIBE", 1000).header("Authorization"));
            assertFalse(p.containsKey("qop"));
            assertFalse(p.containsKey("nc"));
            assertFalse(p.containsKey("cnonce"));
            assertFalse(p.containsKey("algorithm"), "no algorithm is sent when the challenge named none");
            session.close();
        }
    }

    @Test
    void rejectedCredentialsFailAfterOneRetry() throws Exception {
        try (FakeRtspServer server = new FakeRtspServer(digestCamera("MD5", "right",
                "WWW-Authenticate: Digest realm=\"cam\", nonce=\"n\", qop=\"auth\""))) {
            ClientSession session = await(client.connect("rtsp://u:wrong@127.0.0.1:" + server.port() + "/x"), 5000);
            Throwable t = failure(session.describe(), 5000);
            RtspClientException e = assertInstanceOf(RtspClientException.class, t);
            assertEquals(RtspClientException.Kind.UNAUTHORIZED, e.kind());
            assertEquals(401, e.status());
            assertTrue(e.getMessage().startsWith("DESCRIBE rtsp://127.0.0.1:" + server.port() + "/x: 401"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("wrong"), "no password in messages");
            assertEquals(2, server.drainRequests().size(), "one retry, no loop");

            ClientSession anonymous = await(client.connect(server.url("/x")), 5000);
            RtspClientException none = assertInstanceOf(RtspClientException.class,
                    failure(anonymous.describe(), 5000));
            assertTrue(none.getMessage().contains("no credentials"), none.getMessage());
            session.close();
            anonymous.close();
        }
    }
}
