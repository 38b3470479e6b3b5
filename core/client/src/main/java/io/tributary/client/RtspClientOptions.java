package io.tributary.client;

import io.tributary.rtsp.message.RtspDecoder;
import java.time.Duration;
import java.util.Objects;

/**
 * How a client behaves. Start from {@link #defaults()} and change what differs:
 * {@code RtspClientOptions.defaults().withResponseTimeout(Duration.ofSeconds(3))}.
 *
 * @param connectTimeout        TCP connect, including name resolution (default 5 s)
 * @param responseTimeout       from sending a request to its complete response (default 10 s)
 * @param mediaTimeout          longest silence (no RTP on any track) while playing
 *                              before the session ends (default 10 s)
 * @param defaultSessionTimeout session timeout assumed when a SETUP reply names none (default 60 s);
 *                              keep-alives go out every half timeout
 * @param credentials           used when the URL carries no user info; null for none
 * @param userAgent             the {@code User-Agent} header
 * @param maxPendingRequests    requests awaiting a response on one session; more fail at once
 * @param limits                response size limits (start line, headers, body)
 * @param keepAlive             send GET_PARAMETER (or OPTIONS) keep-alives once a session exists
 * @param writeBufferHighWater  bytes queued on a connection above which outgoing media packets
 *                              are dropped rather than queued (publishing)
 */
public record RtspClientOptions(Duration connectTimeout, Duration responseTimeout, Duration mediaTimeout,
        Duration defaultSessionTimeout, Credentials credentials, String userAgent, int maxPendingRequests,
        RtspDecoder.Limits limits, boolean keepAlive, int writeBufferHighWater) {

    public RtspClientOptions {
        positive(connectTimeout, "connectTimeout");
        positive(responseTimeout, "responseTimeout");
        positive(mediaTimeout, "mediaTimeout");
        positive(defaultSessionTimeout, "defaultSessionTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(limits, "limits");
        if (maxPendingRequests < 1) {
            throw new IllegalArgumentException("maxPendingRequests must be at least 1");
        }
        if (writeBufferHighWater < 1024) {
            throw new IllegalArgumentException("writeBufferHighWater must be at least 1024");
        }
    }

    public static RtspClientOptions defaults() {
        return new RtspClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(60), null, "Tributary/0.1", 8, RtspDecoder.Limits.DEFAULT, true, 1 << 20);
    }

    public RtspClientOptions withConnectTimeout(Duration value) {
        return new RtspClientOptions(value, responseTimeout, mediaTimeout, defaultSessionTimeout, credentials,
                userAgent, maxPendingRequests, limits, keepAlive, writeBufferHighWater);
    }

    public RtspClientOptions withResponseTimeout(Duration value) {
        return new RtspClientOptions(connectTimeout, value, mediaTimeout, defaultSessionTimeout, credentials,
                userAgent, maxPendingRequests, limits, keepAlive, writeBufferHighWater);
    }

    public RtspClientOptions withMediaTimeout(Duration value) {
        return new RtspClientOptions(connectTimeout, responseTimeout, value, defaultSessionTimeout, credentials,
                userAgent, maxPendingRequests, limits, keepAlive, writeBufferHighWater);
    }

    public RtspClientOptions withDefaultSessionTimeout(Duration value) {
        return new RtspClientOptions(connectTimeout, responseTimeout, mediaTimeout, value, credentials,
                userAgent, maxPendingRequests, limits, keepAlive, writeBufferHighWater);
    }

    public RtspClientOptions withCredentials(Credentials value) {
        return new RtspClientOptions(connectTimeout, responseTimeout, mediaTimeout, defaultSessionTimeout, value,
                userAgent, maxPendingRequests, limits, keepAlive, writeBufferHighWater);
    }

    public RtspClientOptions withUserAgent(String value) {
        return new RtspClientOptions(connectTimeout, responseTimeout, mediaTimeout, defaultSessionTimeout,
                credentials, value, maxPendingRequests, limits, keepAlive, writeBufferHighWater);
    }

    public RtspClientOptions withMaxPendingRequests(int value) {
        return new RtspClientOptions(connectTimeout, responseTimeout, mediaTimeout, defaultSessionTimeout,
                credentials, userAgent, value, limits, keepAlive, writeBufferHighWater);
    }

    public RtspClientOptions withLimits(RtspDecoder.Limits value) {
        return new RtspClientOptions(connectTimeout, responseTimeout, mediaTimeout, defaultSessionTimeout,
                credentials, userAgent, maxPendingRequests, value, keepAlive, writeBufferHighWater);
    }

    public RtspClientOptions withKeepAlive(boolean value) {
        return new RtspClientOptions(connectTimeout, responseTimeout, mediaTimeout, defaultSessionTimeout,
                credentials, userAgent, maxPendingRequests, limits, value, writeBufferHighWater);
    }

    public RtspClientOptions withWriteBufferHighWater(int value) {
        return new RtspClientOptions(connectTimeout, responseTimeout, mediaTimeout, defaultSessionTimeout,
                credentials, userAgent, maxPendingRequests, limits, keepAlive, value);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
