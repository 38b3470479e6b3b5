package io.tributary.admin.internal;

import io.tributary.api.runtime.PathSnapshot;
import io.tributary.api.runtime.ReceptionStats;
import io.tributary.api.runtime.SessionSnapshot;
import io.tributary.api.runtime.TributaryRuntime;
import io.tributary.api.source.SourceStatus;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One consistent look at the runtime, sorted for display, and the text of every table cell.
 * The web console page, the JSON answer and the shell commands all show this, so their
 * columns and formats are defined once, here.
 *
 * @param paths    open paths, by path
 * @param sessions sessions, by path and then by age
 * @param sources  what source providers report of their paths (relays, publishers), by path
 */
record RuntimeView(List<PathSnapshot> paths, List<SessionSnapshot> sessions, List<SourceStatus> sources) {

    static final List<Column> PATH_COLUMNS = List.of(new Column("Path", false), new Column("Title", false),
            new Column("Encodings", false), new Column("Seekable", false), new Column("Sessions", true));

    static final List<Column> SESSION_COLUMNS = List.of(new Column("Id", false), new Column("Path", false),
            new Column("Client", false), new Column("Transport", false), new Column("State", false),
            new Column("Since", false), new Column("Packets", true), new Column("Bytes", true),
            new Column("Dropped", true), new Column("Lost", true), new Column("Jitter ms", true));

    static final List<Column> SOURCE_COLUMNS = List.of(new Column("Path", false), new Column("Origin", false),
            new Column("State", false), new Column("Since", false), new Column("Detail", false));

    RuntimeView {
        paths = paths.stream().filter(Objects::nonNull)
                .sorted(Comparator.comparing(PathSnapshot::path, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        sessions = sessions.stream().filter(Objects::nonNull)
                .sorted(Comparator.comparing(SessionSnapshot::path, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(SessionSnapshot::created, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        sources = sources.stream().filter(Objects::nonNull).sorted(Comparator.comparing(SourceStatus::path)).toList();
    }

    /** Paths and sessions only (no source provider reports). */
    RuntimeView(List<PathSnapshot> paths, List<SessionSnapshot> sessions) {
        this(paths, sessions, List.of());
    }

    /** Takes the sessions, paths and sources of {@code runtime} now. */
    static RuntimeView of(TributaryRuntime runtime) {
        return new RuntimeView(runtime.paths(), runtime.sessions(), runtime.sources());
    }

    /** The cells of {@code source} in the order of {@link #SOURCE_COLUMNS}. */
    static List<String> cells(SourceStatus source) {
        return List.of(source.path(), source.origin(), state(source), since(source.since()), source.detail());
    }

    /** {@code up}, {@code down}, {@code connecting}, {@code idle}. */
    static String state(SourceStatus source) {
        return source.state().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The cells of {@code path} in the order of {@link #PATH_COLUMNS}. */
    static List<String> cells(PathSnapshot path) {
        return List.of(text(path.path()), text(path.title()), encodings(path), path.seekable() ? "yes" : "no",
                Integer.toString(path.sessions()));
    }

    /** The cells of {@code session} in the order of {@link #SESSION_COLUMNS}. */
    static List<String> cells(SessionSnapshot session) {
        return List.of(text(session.id()), text(session.path()), client(session.client()), text(session.transport()),
                text(session.state()), since(session.created()), Long.toString(session.packetsSent()),
                Long.toString(session.bytesSent()), Long.toString(session.packetsDropped()), lost(session),
                jitter(session));
    }

    /** What the client reports lost, or "-" before its first receiver report. */
    private static String lost(SessionSnapshot session) {
        ReceptionStats r = session.reception();
        return r == null || r.reports() == 0 ? "-"
                : r.cumulativeLost() + String.format(java.util.Locale.ROOT, " (%.1f %%)", r.lossPercent());
    }

    private static String jitter(SessionSnapshot session) {
        ReceptionStats r = session.reception();
        return r == null || r.reports() == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f", r.jitterMillis());
    }

    private static String encodings(PathSnapshot path) {
        if (path.encodings() == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (String encoding : path.encodings()) {
            names.add(text(encoding));
        }
        return String.join(", ", names);
    }

    /** {@code 192.0.2.7:5000} or {@code [2001:db8::7]:5000}; the host name only when unresolved. */
    static String client(InetSocketAddress client) {
        if (client == null) {
            return "";
        }
        InetAddress address = client.getAddress();
        String host = address == null ? client.getHostString() : address.getHostAddress();
        if (address instanceof Inet6Address) {
            host = "[" + host + "]";
        }
        return host + ":" + client.getPort();
    }

    /** UTC, to the second: {@code 2025-03-01T12:00:05Z}. */
    static String since(Instant created) {
        return created == null ? "" : created.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
