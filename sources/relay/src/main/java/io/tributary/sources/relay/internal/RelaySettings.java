package io.tributary.sources.relay.internal;

import io.tributary.client.Credentials;
import io.tributary.client.RtspClientOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A path configuration checked and turned into typed values. {@link #toString()} shows no
 * secret: the URL is redacted and {@link Credentials} hides the password.
 *
 * @param credentials from {@code user}/{@code password}, used when the URL has no user info; null for none
 */
record RelaySettings(String path, UpstreamUrl source, Credentials credentials, boolean onDemand, Duration linger,
                     TransportMode transport, Duration reconnectMin, Duration reconnectMax, Duration connectTimeout,
                     Duration responseTimeout, Duration noMediaTimeout) {

    static final int MAX_PATH_LENGTH = 1024;

    RelaySettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(transport, "transport");
    }

    /**
     * The settings of a path configuration, or empty when its source is not an {@code rtsp://}
     * URL (another bundle serves it).
     *
     * @throws IllegalArgumentException naming the first unusable value (never a password)
     */
    static Optional<RelaySettings> of(RelayPathConfig config) {
        if (!UpstreamUrl.isRtsp(config.source())) {
            return Optional.empty();
        }
        UpstreamUrl source = UpstreamUrl.parse(config.source());
        String user = config.user() == null ? "" : config.user().strip();
        Credentials credentials = user.isEmpty() ? null
                : new Credentials(user, config.password() == null ? "" : config.password());
        Duration reconnectMin = seconds("reconnectMinSeconds", config.reconnectMinSeconds(), 1);
        Duration reconnectMax = seconds("reconnectMaxSeconds", config.reconnectMaxSeconds(), 1);
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnectMaxSeconds (" + config.reconnectMaxSeconds()
                    + ") is less than reconnectMinSeconds (" + config.reconnectMinSeconds() + ")");
        }
        return Optional.of(new RelaySettings(path(config.path()), source, credentials, config.onDemand(),
                seconds("lingerSeconds", config.lingerSeconds(), 0), TransportMode.parse(config.transport()),
                reconnectMin, reconnectMax,
                seconds("connectTimeoutSeconds", config.connectTimeoutSeconds(), 1),
                seconds("responseTimeoutSeconds", config.responseTimeoutSeconds(), 1),
                seconds("noMediaTimeoutSeconds", config.noMediaTimeoutSeconds(), 1)));
    }

    /** The RTSP client behaviour these settings ask for. */
    RtspClientOptions clientOptions() {
        RtspClientOptions options = RtspClientOptions.defaults()
                .withConnectTimeout(connectTimeout)
                .withResponseTimeout(responseTimeout)
                .withMediaTimeout(noMediaTimeout);
        return credentials == null ? options : options.withCredentials(credentials);
    }

    /** The longest an open waits for connect and DESCRIBE, which the client bounds itself. */
    Duration describeDeadline() {
        return connectTimeout.plus(responseTimeout).plusSeconds(1);
    }

    /** A request path: {@code /} and at least one more character, no query, no blanks; a final {@code /} dropped. */
    private static String path(String value) {
        String path = value == null ? "" : value.strip();
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path is missing");
        }
        if (!path.startsWith("/") || path.length() < 2 || path.length() > MAX_PATH_LENGTH
                || path.chars().anyMatch(c -> c <= ' ' || c == 0x7F || c == '?' || c == '#')) {
            throw new IllegalArgumentException("path must start with / and hold no blanks, ? or #: " + value);
        }
        return path.length() > 2 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Duration seconds(String key, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(key + " must be at least " + least + ", not " + value);
        }
        return Duration.ofSeconds(value);
    }
}
