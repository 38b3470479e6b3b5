package io.tributary.admin.internal;

import io.tributary.api.runtime.PathSnapshot;
import io.tributary.api.runtime.ReceptionStats;
import io.tributary.api.runtime.SessionSnapshot;
import io.tributary.api.runtime.TributaryRuntime;
import io.tributary.api.source.SourceStatus;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A runtime with fixed paths, sessions and sources that records kicks. */
final class FakeRuntime implements TributaryRuntime {
    static final Instant T0 = Instant.parse("2025-03-01T12:00:05.250Z");

    final List<PathSnapshot> paths = new ArrayList<>();
    final List<SessionSnapshot> sessions = new ArrayList<>();
    final List<SourceStatus> sources = new ArrayList<>();
    final List<String> kicked = new ArrayList<>();

    FakeRuntime path(String path, String title, boolean seekable, int sessions, String... encodings) {
        paths.add(new PathSnapshot(path, title, List.of(encodings), seekable, sessions));
        return this;
    }

    FakeRuntime session(String id, String path, String clientIp, int clientPort, long packets, long bytes) {
        sessions.add(new SessionSnapshot(id, path, new InetSocketAddress(clientIp, clientPort), "RTP/AVP/TCP",
                "PLAYING", T0, packets, bytes, 0, ReceptionStats.NONE));
        return this;
    }

    FakeRuntime source(String path, String origin, SourceStatus.State state, String detail) {
        sources.add(new SourceStatus(path, origin, state, state == SourceStatus.State.IDLE ? null : T0, detail));
        return this;
    }

    @Override
    public List<SourceStatus> sources() {
        return List.copyOf(sources);
    }

    @Override
    public List<SessionSnapshot> sessions() {
        return List.copyOf(sessions);
    }

    @Override
    public List<PathSnapshot> paths() {
        return List.copyOf(paths);
    }

    @Override
    public boolean kick(String sessionId) {
        kicked.add(sessionId);
        return sessions.removeIf(session -> session.id().equals(sessionId));
    }
}
