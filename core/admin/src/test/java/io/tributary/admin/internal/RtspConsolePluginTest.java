package io.tributary.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.testing.FakeHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RtspConsolePluginTest {
    private final FakeRuntime runtime = new FakeRuntime()
            .path("/demo", "Demo", false, 1, "H264")
            .session("s1", "/demo", "192.0.2.7", 50000, 10, 1000);

    private FakeHttp.Response call(RtspConsolePlugin plugin, String method, String pathInfo,
                                   Map<String, String> parameters, Map<String, String> headers) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        plugin.service(FakeHttp.request(method, pathInfo, parameters, headers), response.proxy);
        return response;
    }

    @Test
    void postKickEndsTheSessionAndRedirectsBackToTheTab() throws Exception {
        FakeHttp.Response response = call(new RtspConsolePlugin(runtime), "POST", "/rtsp",
                Map.of("action", "kick", "id", "s1"), Map.of());

        assertEquals(List.of("s1"), runtime.kicked);
        assertEquals(303, response.status);
        assertEquals("/system/console/rtsp?kicked=s1", response.headers.get("Location"));
        assertTrue(runtime.sessions.isEmpty());
    }

    @Test
    void postKickOfAnUnknownSessionRedirectsWithThatNotice() throws Exception {
        FakeHttp.Response response = call(new RtspConsolePlugin(runtime), "POST", "/rtsp",
                Map.of("action", "kick", "id", "gone &1"), Map.of());

        assertEquals(List.of("gone &1"), runtime.kicked);
        assertEquals(303, response.status);
        assertEquals("/system/console/rtsp?unknown=gone+%261", response.headers.get("Location"));
    }

    @Test
    void sameOriginBrowserPostIsAccepted() throws Exception {
        FakeHttp.Response response = call(new RtspConsolePlugin(runtime), "POST", "/rtsp",
                Map.of("action", "kick", "id", "s1"),
                Map.of("Origin", "http://127.0.0.1:8080", "Host", "127.0.0.1:8080"));

        assertEquals(303, response.status);
        assertEquals(List.of("s1"), runtime.kicked);
    }

    @Test
    void crossOriginPostIsRefusedAndKicksNothing() throws Exception {
        FakeHttp.Response response = call(new RtspConsolePlugin(runtime), "POST", "/rtsp",
                Map.of("action", "kick", "id", "s1"),
                Map.of("Origin", "http://evil.example", "Host", "127.0.0.1:8080"));

        assertEquals(403, response.status);
        assertTrue(runtime.kicked.isEmpty());
    }

    @Test
    void postWithoutKickActionOrIdIsABadRequest() throws Exception {
        assertEquals(400, call(new RtspConsolePlugin(runtime), "POST", "/rtsp", Map.of("action", "kick"), Map.of())
                .status);
        assertEquals(400, call(new RtspConsolePlugin(runtime), "POST", "/rtsp", Map.of("action", "stop", "id", "s1"),
                Map.of()).status);
        assertTrue(runtime.kicked.isEmpty());
    }

    @Test
    void postWithoutEngineIsUnavailable() throws Exception {
        assertEquals(503, call(new RtspConsolePlugin(null), "POST", "/rtsp", Map.of("action", "kick", "id", "s1"),
                Map.of()).status);
    }

    @Test
    void getWritesTheTablesAndTheOutcomeOfTheLastKick() throws Exception {
        FakeHttp.Response response = call(new RtspConsolePlugin(runtime), "GET", "/rtsp",
                Map.of("unknown", "<x>"), Map.of());

        String html = response.body();
        assertTrue(html.startsWith("<p class=\"statline ui-state-highlight\">No session &lt;x&gt;"), html);
        assertTrue(html.contains("<td>s1</td>"), html);
        assertEquals(null, response.contentType, "the console has set the page's content type");
    }

    @Test
    void getJsonAnswersTheSameDataAsJson() throws Exception {
        FakeHttp.Response response = call(new RtspConsolePlugin(runtime), "GET", "/rtsp.json", Map.of(), Map.of());

        assertEquals(200, response.status);
        assertEquals("application/json", response.contentType);
        assertEquals(RuntimeJson.of(RuntimeView.of(runtime)), response.body());
    }

    @Test
    void withoutEngineTheTabSaysNotRunningAndJsonIsUnavailable() throws Exception {
        String html = call(new RtspConsolePlugin(null), "GET", "/rtsp", Map.of(), Map.of()).body();
        assertTrue(html.contains("Engine not running"), html);
        assertFalse(html.contains("<table"), html);

        FakeHttp.Response json = call(new RtspConsolePlugin(null), "GET", "/rtsp.json", Map.of(), Map.of());
        assertEquals(503, json.status);
        assertEquals("{\"error\":\"engine not running\"}", json.body());
    }
}
