package io.tributary.admin.internal;

import io.tributary.api.runtime.PathSnapshot;
import io.tributary.api.runtime.SessionSnapshot;
import io.tributary.api.source.SourceStatus;
import java.util.List;
import org.owasp.encoder.Encode;

/**
 * The body of the web console tab "RTSP": a table of open paths, one of relayed and published
 * paths with the state of their origin (when there are any), and a table of sessions with a
 * Kick button each. The console writes the page around it (head, menu, footer).
 * <p>
 * Every value is escaped with {@link #escape(String)}: paths, titles and session data come
 * from clients and media files.
 */
final class RuntimePage {
    private static final String RIGHT_HEADER = "<th style=\"text-align:right\">";
    private static final String RIGHT_CELL = "<td style=\"text-align:right\">";

    private RuntimePage() {
    }

    /**
     * Renders {@code view}; {@code notice} (may be {@code null}) is shown in the status line.
     *
     * @param pluginRoot URL the Kick forms post to
     */
    static String html(RuntimeView view, String notice, String pluginRoot) {
        StringBuilder out = new StringBuilder(4096);
        String status = view.paths().size() + (view.paths().size() == 1 ? " open path, " : " open paths, ")
                + view.sessions().size() + (view.sessions().size() == 1 ? " session." : " sessions.");
        statline(out, notice == null ? status : notice + " " + status, notice == null ? "" : " ui-state-highlight");

        table(out, "Open paths", RuntimeView.PATH_COLUMNS, false);
        if (view.paths().isEmpty()) {
            emptyRow(out, RuntimeView.PATH_COLUMNS.size(), "No open paths.");
        }
        for (PathSnapshot path : view.paths()) {
            row(out, RuntimeView.PATH_COLUMNS, RuntimeView.cells(path), "");
        }
        out.append("</tbody></table>\n");

        if (!view.sources().isEmpty()) {
            out.append("<br/>\n");
            table(out, "Sources (relayed and published paths)", RuntimeView.SOURCE_COLUMNS, false);
            for (SourceStatus source : view.sources()) {
                row(out, RuntimeView.SOURCE_COLUMNS, RuntimeView.cells(source), "");
            }
            out.append("</tbody></table>\n");
        }

        out.append("<br/>\n");
        table(out, "Sessions", RuntimeView.SESSION_COLUMNS, true);
        if (view.sessions().isEmpty()) {
            emptyRow(out, RuntimeView.SESSION_COLUMNS.size() + 1, "No sessions.");
        }
        for (SessionSnapshot session : view.sessions()) {
            row(out, RuntimeView.SESSION_COLUMNS, RuntimeView.cells(session), kickForm(pluginRoot, session.id()));
        }
        out.append("</tbody></table>\n");
        return out.toString();
    }

    /** What the tab shows when no engine is running. */
    static String notRunning() {
        StringBuilder out = new StringBuilder();
        statline(out, "Engine not running: no RTSP server is active, so there are no paths or sessions.",
                " ui-state-error");
        return out.toString();
    }

    private static void statline(StringBuilder out, String text, String cssClass) {
        out.append("<p class=\"statline").append(cssClass).append("\">").append(escape(text)).append("</p>\n");
    }

    private static void table(StringBuilder out, String caption, List<Column> columns, boolean actionColumn) {
        int span = columns.size() + (actionColumn ? 1 : 0);
        out.append("<table class=\"nicetable\"><thead>\n<tr><th colspan=\"").append(span).append("\">")
                .append(escape(caption)).append("</th></tr>\n<tr>");
        for (Column column : columns) {
            out.append(column.numeric() ? RIGHT_HEADER : "<th>").append(escape(column.title())).append("</th>");
        }
        if (actionColumn) {
            out.append("<th></th>");
        }
        out.append("</tr>\n</thead><tbody>\n");
    }

    /** A row of escaped {@code cells}, then {@code trailingHtml} (markup, not escaped). */
    private static void row(StringBuilder out, List<Column> columns, List<String> cells, String trailingHtml) {
        out.append("<tr>");
        for (int i = 0; i < cells.size(); i++) {
            out.append(columns.get(i).numeric() ? RIGHT_CELL : "<td>")
                    .append(escape(cells.get(i))).append("</td>");
        }
        out.append(trailingHtml).append("</tr>\n");
    }

    /** A cell with a form that posts {@code action=kick&id=sessionId} to the tab. */
    private static String kickForm(String pluginRoot, String sessionId) {
        return "<td><form method=\"post\" action=\"" + escape(pluginRoot) + "\"><div>"
                + "<input type=\"hidden\" name=\"action\" value=\"kick\"/>"
                + "<input type=\"hidden\" name=\"id\" value=\"" + escape(sessionId) + "\"/>"
                + "<input type=\"submit\" value=\"Kick\" title=\"End this session\"/>"
                + "</div></form></td>";
    }

    private static void emptyRow(StringBuilder out, int span, String text) {
        out.append("<tr><td colspan=\"").append(span).append("\">").append(escape(text)).append("</td></tr>\n");
    }

    /**
     * Escapes text for HTML element content and quoted attribute values (OWASP's encoder), and
     * also {@code $} and {@code \}: the console passes the page through a filter that replaces
     * {@code ${key}} (and would swallow the rest of the page after an unclosed {@code ${}) and
     * drops the backslash of {@code \$}.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return Encode.forHtml(text).replace("$", "&#36;").replace("\\", "&#92;");
    }
}
