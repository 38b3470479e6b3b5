package io.tributary.client.internal;

import io.tributary.client.RtspClientOptions;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What every session of one client shares: channel classes, options, and where blocking name
 * lookups run (never on an event loop).
 */
public record ClientContext(ClientChannels channels, RtspClientOptions options, Executor resolver) {
    public ClientContext {
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(resolver, "resolver");
    }
}
