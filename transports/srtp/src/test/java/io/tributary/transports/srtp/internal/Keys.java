package io.tributary.transports.srtp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.api.transport.KeyingContext;
import io.tributary.api.transport.TransportBinding;
import io.tributary.rtsp.header.KeyMgmt;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.mikey.CryptoSession;
import io.tributary.rtsp.mikey.MikeyMessage;
import io.tributary.rtsp.mikey.MikeyParser;
import io.tributary.rtsp.mikey.MikeySrtp;
import io.tributary.rtsp.mikey.MikeyWriter;
import io.tributary.rtsp.srtp.SrtpPolicy;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** What a client reads from a description, makes for its KeyMgmt header, and gets from a SETUP. */
final class Keys {
    private Keys() {
    }

    /** The key one described track carries, as a client reads it from the {@code key-mgmt} line. */
    record Described(SrtpPolicy policy, List<CryptoSession> sessions, List<String> lines) {
    }

    static Described describe(Keyring keyring, EngineContext.Connection connection, String path, int track,
                              boolean sharedStream, long ssrc) {
        List<String> lines = keyring.describe(new KeyingContext(path, track, sharedStream, ssrc, connection,
                connection.remote));
        String mikey = lines.get(0);
        assertTrue(mikey.startsWith("key-mgmt:mikey "), mikey);
        MikeyMessage message = MikeyParser.parseBase64(mikey.substring("key-mgmt:mikey ".length()));
        return new Described(MikeySrtp.policy(message, 0), message.cryptoSessions(), lines);
    }

    /** A {@code KeyMgmt} header handing {@code policy} over for the stream of {@code ssrc}, as GStreamer writes it. */
    static String keyMgmt(SrtpPolicy policy, long ssrc) {
        MikeyMessage message = MikeySrtp.message(policy, List.of(new CryptoSession(0, ssrc, 0)), new SecureRandom(),
                Instant.now());
        return KeyMgmt.mikey("rtsps://127.0.0.1/demo/trackID=0", MikeyWriter.write(message)).format();
    }

    static TransportBinding bound(CompletionStage<TransportBinding> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw new AssertionError("SETUP refused: " + e.getCause(), e.getCause());
        }
    }

    /** The status a SETUP was refused with. */
    static int refusal(CompletionStage<TransportBinding> stage) {
        try {
            stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RtspException r) {
                return r.status().code();
            }
            throw new AssertionError("refused with something else than an RtspException", e.getCause());
        }
        return fail("the SETUP was accepted");
    }

    static void assertRefused(int status, CompletionStage<TransportBinding> stage) {
        assertEquals(status, refusal(stage));
    }

    static void assertRefused(int status, CompletionStage<TransportBinding> stage, String why) {
        assertEquals(status, refusal(stage), why);
    }
}
