package io.tributary.admin.internal;

import io.tributary.api.runtime.TributaryRuntime;
import java.util.List;
import java.util.function.Function;
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
        return table(RuntimeView::paths, RuntimeView.PATH_COLUMNS, RuntimeView::cells, "No open paths.");
    }

    /** The sessions, one per line. */
    public String sessions() {
        return table(RuntimeView::sessions, RuntimeView.SESSION_COLUMNS, RuntimeView::cells, "No sessions.");
    }

    /** The relayed and published paths with the state of their origin, one per line. */
    public String sources() {
        return table(RuntimeView::sources, RuntimeView.SOURCE_COLUMNS, RuntimeView::cells,
                "No relayed or published paths.");
    }

    /** The {@code rows} of the runtime now as an aligned table, or {@code none} when there are none. */
    private <T> String table(Function<RuntimeView, List<T>> rows, List<Column> columns,
            Function<T, List<String>> cells, String none) {
        TributaryRuntime engine = runtime;
        if (engine == null) {
            return NOT_RUNNING;
        }
        List<T> all = rows.apply(RuntimeView.of(engine));
        if (all.isEmpty()) {
            return none;
        }
        TextTable table = new TextTable(columns);
        for (T row : all) {
            table.add(cells.apply(row));
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
