package io.tributary.admin.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.tributary.api.runtime.PathSnapshot;
import io.tributary.api.runtime.ReceptionStats;
import io.tributary.api.runtime.SessionSnapshot;
import io.tributary.api.source.SourceStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The data of the tab as JSON, for scripts ({@code GET /system/console/rtsp.json}):
 * <pre>
 * {"paths":[{"path":"/demo","title":"Demo","encodings":["H264"],"seekable":true,"sessions":1}],
 *  "sessions":[{"id":"…","path":"/demo","client":"127.0.0.1:50000","transport":"RTP/AVP/TCP",
 *               "state":"PLAYING","since":"2025-03-01T12:00:05Z","packets":1200,"bytes":1400000,
 *               "dropped":0,"receiverReports":3,"cumulativeLost":0,"jitterMs":0.52}],
 *  "sources":[{"path":"/cam1","origin":"rtsp://192.0.2.64/stream","state":"up",
 *              "since":"2025-03-01T11:58:00Z","detail":"H264 over TCP"}]}
 * </pre>
 */
final class RuntimeJson {
    private static final JsonFactory JSON = new JsonFactory();
    private static final CharacterEscapes ESCAPES = new HtmlSafeEscapes();

    private RuntimeJson() {
    }

    static String of(RuntimeView view) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("paths");
            for (PathSnapshot path : view.paths()) {
                json.writeStartObject();
                json.writeStringField("path", path.path());
                json.writeStringField("title", path.title());
                json.writeArrayFieldStart("encodings");
                for (String encoding : path.encodings() == null ? List.<String>of() : path.encodings()) {
                    json.writeString(encoding);
                }
                json.writeEndArray();
                json.writeBooleanField("seekable", path.seekable());
                json.writeNumberField("sessions", path.sessions());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("sessions");
            for (SessionSnapshot session : view.sessions()) {
                writeSession(json, session);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("sources");
            for (SourceStatus source : view.sources()) {
                json.writeStartObject();
                json.writeStringField("path", source.path());
                json.writeStringField("origin", source.origin());
                json.writeStringField("state", RuntimeView.state(source));
                json.writeStringField("since", source.since() == null ? null : RuntimeView.since(source.since()));
                json.writeStringField("detail", source.detail());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void writeSession(JsonGenerator json, SessionSnapshot session) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", session.id());
        json.writeStringField("path", session.path());
        json.writeStringField("client", session.client() == null ? null : RuntimeView.client(session.client()));
        json.writeStringField("transport", session.transport());
        json.writeStringField("state", session.state());
        json.writeStringField("since", session.created() == null ? null : RuntimeView.since(session.created()));
        json.writeNumberField("packets", session.packetsSent());
        json.writeNumberField("bytes", session.bytesSent());
        json.writeNumberField("dropped", session.packetsDropped());
        ReceptionStats reception = session.reception() == null ? ReceptionStats.NONE : session.reception();
        json.writeNumberField("receiverReports", reception.reports());
        json.writeNumberField("cumulativeLost", reception.cumulativeLost());
        json.writeFieldName("jitterMs");
        json.writeNumber(String.format(Locale.ROOT, "%.2f", reception.jitterMillis()));
        json.writeEndObject();
    }

    /** What scripts get when no engine runs. */
    static String notRunning() {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("error", "engine not running");
            json.writeEndObject();
        });
    }

    private interface Document {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private static String write(Document document) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setCharacterEscapes(ESCAPES);
            document.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /**
     * Jackson's escapes plus {@code < > &} and U+2028/U+2029, so that the text is also safe
     * to embed in HTML and JavaScript (titles come from media files and publishers).
     */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] asciiEscapes = standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            asciiEscapes['<'] = ESCAPE_STANDARD;
            asciiEscapes['>'] = ESCAPE_STANDARD;
            asciiEscapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
