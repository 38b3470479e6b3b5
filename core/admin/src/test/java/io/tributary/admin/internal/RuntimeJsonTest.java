package io.tributary.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.runtime.SessionSnapshot;
import io.tributary.api.source.SourceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeJsonTest {
    @Test
    void documentHoldsEveryFieldOfPathsAndSessions() {
        FakeRuntime runtime = new FakeRuntime()
                .path("/demo", "Demo", true, 1, "H264", "MPEG4-GENERIC")
                .session("s1", "/demo", "192.0.2.7", 50000, 1200, 1_400_000)
                .source("/cam2", "rtsp://192.0.2.65/live", SourceStatus.State.IDLE, null)
                .source("/cam1", "rtsp://192.0.2.64/live", SourceStatus.State.UP, "H264 over TCP");

        assertEquals("{\"paths\":[{\"path\":\"/demo\",\"title\":\"Demo\",\"encodings\":[\"H264\",\"MPEG4-GENERIC\"],"
                + "\"seekable\":true,\"sessions\":1}],"
                + "\"sessions\":[{\"id\":\"s1\",\"path\":\"/demo\",\"client\":\"192.0.2.7:50000\","
                + "\"transport\":\"RTP/AVP/TCP\",\"state\":\"PLAYING\",\"since\":\"2025-03-01T12:00:05Z\","
                + "\"packets\":1200,\"bytes\":1400000,\"dropped\":0,\"receiverReports\":0,\"cumulativeLost\":0,"
                + "\"jitterMs\":0.00}],"
                + "\"sources\":[{\"path\":\"/cam1\",\"origin\":\"rtsp://192.0.2.64/live\",\"state\":\"up\","
                + "\"since\":\"2025-03-01T12:00:05Z\",\"detail\":\"H264 over TCP\"},"
                + "{\"path\":\"/cam2\",\"origin\":\"rtsp://192.0.2.65/live\",\"state\":\"idle\",\"since\":null,"
                + "\"detail\":\"\"}]}",
                RuntimeJson.of(RuntimeView.of(runtime)));
    }

    @Test
    void emptyRuntimeGivesEmptyArrays() {
        assertEquals("{\"paths\":[],\"sessions\":[],\"sources\":[]}", RuntimeJson.of(RuntimeView.of(new FakeRuntime())));
    }

    @Test
    void stringsEscapeQuotesBackslashesControlAndHtmlCharacters() {
        FakeRuntime runtime = new FakeRuntime().path("/a", "a\"b\\c\n\r\t\u0001\u001f</script>&\u2028\u2029é", false, 0);

        String json = RuntimeJson.of(RuntimeView.of(runtime));

        assertTrue(json.contains("\"title\":\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001F\\u003C/script\\u003E\\u0026"
                + "\\u2028\\u2029é\""), json);
    }

    @Test
    void missingValuesBecomeNull() {
        RuntimeView view = new RuntimeView(List.of(),
                List.of(new SessionSnapshot("s", null, null, null, null, null, 0, 0, 0, null)));

        assertEquals("{\"paths\":[],\"sessions\":[{\"id\":\"s\",\"path\":null,\"client\":null,\"transport\":null,"
                + "\"state\":null,\"since\":null,\"packets\":0,\"bytes\":0,\"dropped\":0,\"receiverReports\":0,"
                + "\"cumulativeLost\":0,\"jitterMs\":0.00}],\"sources\":[]}", RuntimeJson.of(view));
    }
}
