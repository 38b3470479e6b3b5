package io.tributary.engine.runtime;

import io.tributary.api.runtime.PathSnapshot;
import io.tributary.api.runtime.ReceptionStats;
import io.tributary.api.runtime.SessionSnapshot;
import io.tributary.api.runtime.TributaryRuntime;
import io.tributary.api.source.SourceStatus;
import io.tributary.engine.path.PathRegistry;
import io.tributary.engine.path.SharedSource;
import io.tributary.engine.publish.Recording;
import io.tributary.engine.session.Playback;
import io.tributary.engine.session.ReceptionTracker;
import io.tributary.engine.session.RtspSession;
import io.tributary.engine.session.SessionEndReason;
import io.tributary.engine.session.SessionManager;
import io.tributary.engine.session.SessionTrack;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Snapshots of the engine's sessions and paths for the console, REST and shell. */
public final class EngineRuntime implements TributaryRuntime {
    private final SessionManager sessions;
    private final PathRegistry paths;

    public EngineRuntime(SessionManager sessions, PathRegistry paths) {
        this.sessions = sessions;
        this.paths = paths;
    }

    @Override
    public List<SessionSnapshot> sessions() {
        return sessions.all().stream().map(EngineRuntime::snapshot).toList();
    }

    private static SessionSnapshot snapshot(RtspSession session) {
        Playback playback = session.playback();
        Recording recording = session.recording();
        ReceptionStats reception = ReceptionStats.NONE;
        for (SessionTrack track : session.tracks().values()) {
            reception = ReceptionTracker.worse(reception, track.context().reception());
        }
        long packets = recording != null ? recording.packetsReceived() : playback == null ? 0 : playback.packetsSent();
        long bytes = recording != null ? recording.bytesReceived() : playback == null ? 0 : playback.bytesSent();
        return new SessionSnapshot(session.id(), session.path(), session.client(), session.transportName(),
                session.state().name(), session.created(), packets, bytes,
                playback == null ? 0 : playback.droppedPackets(), reception);
    }

    @Override
    public List<PathSnapshot> paths() {
        Map<String, Long> perPath = sessions.all().stream()
                .collect(Collectors.groupingBy(RtspSession::path, Collectors.counting()));
        return paths.openSources().stream().map(source -> snapshot(source, perPath)).toList();
    }

    private static PathSnapshot snapshot(SharedSource source, Map<String, Long> perPath) {
        List<String> encodings = source.description().tracks().stream()
                .map(track -> track.encoding().name()).toList();
        return new PathSnapshot(source.path(), source.description().title(), encodings,
                source.description().seekable(), perPath.getOrDefault(source.path(), 0L).intValue());
    }

    @Override
    public List<SourceStatus> sources() {
        return paths.sourceStatuses();
    }

    @Override
    public boolean kick(String sessionId) {
        RtspSession session = sessions.find(sessionId);
        if (session == null) {
            return false;
        }
        sessions.end(session, SessionEndReason.KICKED);
        return true;
    }
}
