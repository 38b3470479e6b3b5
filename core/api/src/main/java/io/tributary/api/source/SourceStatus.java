package io.tributary.api.source;

import java.time.Instant;
import java.util.Objects;

/**
 * How a path that a provider serves is doing, for operators (console, {@code rtsp.json},
 * shell): whether its media is coming in, since when, and why not.
 *
 * @param path   the path, starting with {@code /}
 * @param origin where the media comes from, for people ({@code rtsp://camera/stream}, a
 *               publisher's address); never with credentials
 * @param state  whether media comes in
 * @param since  when the path entered this state, or null when not known
 * @param detail why it is in this state (the last failure, a retry time), or empty
 */
public record SourceStatus(String path, String origin, State state, Instant since, String detail) {
    /** Whether the media of a path comes in. */
    public enum State {
        /** Nobody reads the path and it is fetched on demand: nothing is connected, by design. */
        IDLE,
        /** Connecting to the origin, or waiting for its description. */
        CONNECTING,
        /** Media comes in. */
        UP,
        /** The origin failed or went away; {@code detail} says why and when the next try is. */
        DOWN
    }

    public SourceStatus {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
    }
}
