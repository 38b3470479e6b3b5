package io.tributary.admin.internal;

import io.tributary.api.runtime.PathSnapshot;
import io.tributary.api.runtime.ReceptionStats;
import io.tributary.api.runtime.SessionSnapshot;
import java.util.List;

/**
 * The data of the tab as JSON, for scripts ({@code GET /system/console/rtsp.json}):
 * <pre>
 * {"paths":[{"path":"/demo","title":"Demo","encodings":["H264"],"seekable":true,"sessions":1}],
 *  "sessions":[{"id":"…","path":"/demo","client":"127.0.0.1:50000","transport":"RTP/AVP/TCP",
 *               "state":"PLAYING","since":"2025-03-01T12:00:05Z","packets":1200,"bytes":1400000}]}
 * </pre>
 */
final class RuntimeJson {
    private RuntimeJson() {
    }

    static String of(RuntimeView view) {
        StringBuilder out = new StringBuilder(1024).append("{\"paths\":[");
        List<PathSnapshot> paths = view.paths();
        for (int i = 0; i < paths.size(); i++) {
            PathSnapshot path = paths.get(i);
            out.append(i == 0 ? "{" : ",{");
            out.append("\"path\":").append(quote(path.path()));
            out.append(",\"title\":").append(quote(path.title()));
            out.append(",\"encodings\":[");
            List<String> encodings = path.encodings() == null ? List.of() : path.encodings();
            for (int e = 0; e < encodings.size(); e++) {
                out.append(e == 0 ? "" : ",").append(quote(encodings.get(e)));
            }
            out.append("],\"seekable\":").append(path.seekable());
            out.append(",\"sessions\":").append(path.sessions()).append('}');
        }
        out.append("],\"sessions\":[");
        List<SessionSnapshot> sessions = view.sessions();
        for (int i = 0; i < sessions.size(); i++) {
            SessionSnapshot session = sessions.get(i);
            out.append(i == 0 ? "{" : ",{");
            out.append("\"id\":").append(quote(session.id()));
            out.append(",\"path\":").append(quote(session.path()));
            out.append(",\"client\":").append(quote(session.client() == null ? null : RuntimeView.client(session.client())));
            out.append(",\"transport\":").append(quote(session.transport()));
            out.append(",\"state\":").append(quote(session.state()));
            out.append(",\"since\":").append(quote(session.created() == null ? null : RuntimeView.since(session.created())));
            out.append(",\"packets\":").append(session.packetsSent());
            out.append(",\"bytes\":").append(session.bytesSent());
            out.append(",\"dropped\":").append(session.packetsDropped());
            ReceptionStats reception = session.reception() == null ? ReceptionStats.NONE : session.reception();
            out.append(",\"receiverReports\":").append(reception.reports());
            out.append(",\"cumulativeLost\":").append(reception.cumulativeLost());
            out.append(",\"jitterMs\":").append(String.format(java.util.Locale.ROOT, "%.2f", reception.jitterMillis()))
                    .append('}');
        }
        return out.append("]}").toString();
    }

    /** What scripts get when no engine runs. */
    static String notRunning() {
        return "{\"error\":" + quote("engine not running") + "}";
    }

    /**
     * A JSON string literal, or {@code null}. Escapes quotes, backslashes and control
     * characters, and also {@code < > &} and U+2028/U+2029 so the text is safe to embed in HTML
     * and JavaScript.
     */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
