package io.tributary.admin.internal;

import io.tributary.api.runtime.PathSnapshot;
import io.tributary.api.runtime.SessionSnapshot;
import io.tributary.api.runtime.TributaryRuntime;
import io.tributary.api.source.SourceStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Gogo commands {@code rtsp:paths}, {@code rtsp:sessions}, {@code rtsp:sources} and {@code rtsp:kick <id>}. */
@Component(service = RtspCommands.class, property = {
        "osgi.command.scope=rtsp",
        "osgi.command.function=paths",
        "osgi.command.function=sessions",
        "osgi.command.function=sources",
        "osgi.command.function=kick" })
public final class RtspCommands {
    static final String NOT_RUNNING = "Engine not running.";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TributaryRuntime runtime;

    public RtspCommands() {
    }

    RtspCommands(TributaryRuntime runtime) {
        this.runtime = runtime;
    }

    /** The open paths, one per line. */
    public String paths() {
        TributaryRuntime engine = runtime;
        if (engine == null) {
            return NOT_RUNNING;
        }
        RuntimeView view = RuntimeView.of(engine);
        if (view.paths().isEmpty()) {
            return "No open paths.";
        }
        TextTable table = new TextTable(RuntimeView.PATH_COLUMNS);
        for (PathSnapshot path : view.paths()) {
            table.add(RuntimeView.cells(path));
        }
        return table.render();
    }

    /** The sessions, one per line. */
    public String sessions() {
        TributaryRuntime engine = runtime;
        if (engine == null) {
            return NOT_RUNNING;
        }
        RuntimeView view = RuntimeView.of(engine);
        if (view.sessions().isEmpty()) {
            return "No sessions.";
        }
        TextTable table = new TextTable(RuntimeView.SESSION_COLUMNS);
        for (SessionSnapshot session : view.sessions()) {
            table.add(RuntimeView.cells(session));
        }
        return table.render();
    }

    /** The relayed and published paths with the state of their origin, one per line. */
    public String sources() {
        TributaryRuntime engine = runtime;
        if (engine == null) {
            return NOT_RUNNING;
        }
        RuntimeView view = RuntimeView.of(engine);
        if (view.sources().isEmpty()) {
            return "No relayed or published paths.";
        }
        TextTable table = new TextTable(RuntimeView.SOURCE_COLUMNS);
        for (SourceStatus source : view.sources()) {
            table.add(RuntimeView.cells(source));
        }
        return table.render();
    }

    /** Ends session {@code id}; its client gets RTCP BYE. */
    public String kick(String id) {
        TributaryRuntime engine = runtime;
        if (engine == null) {
            return NOT_RUNNING;
        }
        return engine.kick(id) ? "Session " + id + " ended." : "No session " + id + ".";
    }
}
