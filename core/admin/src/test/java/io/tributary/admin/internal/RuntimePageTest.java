package io.tributary.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.source.SourceStatus;
import org.junit.jupiter.api.Test;

class RuntimePageTest {
    private static String render(FakeRuntime runtime) {
        return RuntimePage.html(RuntimeView.of(runtime), null, "/system/console/rtsp");
    }

    @Test
    void showsPathsAndSessionsWithAKickFormPerSession() {
        String html = render(new FakeRuntime()
                .path("/demo", "Demo", true, 1, "H264", "MPEG4-GENERIC")
                .session("s1", "/demo", "192.0.2.7", 50000, 1200, 1_400_000));

        assertTrue(html.contains("<p class=\"statline\">1 open path, 1 session.</p>"), html);
        assertTrue(html.contains("<td>/demo</td><td>Demo</td><td>H264, MPEG4-GENERIC</td><td>yes</td>"
                + "<td style=\"text-align:right\">1</td>"), html);
        assertTrue(html.contains("<td>s1</td><td>/demo</td><td>192.0.2.7:50000</td><td>RTP/AVP/TCP</td>"
                + "<td>PLAYING</td><td>2025-03-01T12:00:05Z</td><td style=\"text-align:right\">1200</td>"
                + "<td style=\"text-align:right\">1400000</td>"), html);
        assertTrue(html.contains("<form method=\"post\" action=\"/system/console/rtsp\"><div>"
                + "<input type=\"hidden\" name=\"action\" value=\"kick\"/>"
                + "<input type=\"hidden\" name=\"id\" value=\"s1\"/>"), html);
    }

    @Test
    void sessionWhosePathHoldsAScriptTagIsEscaped() {
        String html = render(new FakeRuntime()
                .path("/<script>alert(1)</script>", "<b>x</b>", false, 1, "H264")
                .session("id\"><script>x</script>", "/<script>alert(1)</script>", "192.0.2.7", 1, 0, 0));

        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("<td>/&lt;script&gt;alert(1)&lt;/script&gt;</td>"), html);
        assertTrue(html.contains("name=\"id\" value=\"id&#34;&gt;&lt;script&gt;x&lt;/script&gt;\""), html);
    }

    @Test
    void consoleVariablesInValuesAreNotExpanded() {
        // The console replaces ${key} in the page, and an unclosed ${ would swallow the rest of it.
        String html = render(new FakeRuntime()
                .path("/a${brand.name}", "${", false, 0, "H264")
                .path("/b\\${x}", "t", false, 0, "H264"));

        assertFalse(html.contains("$"), html);
        assertFalse(html.contains("\\"), html);
        assertTrue(html.contains("<td>/a&#36;{brand.name}</td><td>&#36;{</td>"), html);
        assertTrue(html.contains("<td>/b&#92;&#36;{x}</td>"), html);
    }

    @Test
    void relayedAndPublishedPathsShowTheStateOfTheirOrigin() {
        String html = render(new FakeRuntime()
                .source("/cam1", "rtsp://192.0.2.64/live", SourceStatus.State.DOWN, "last failure: <refused>")
                .source("/live/a", "publisher 192.0.2.7:40000", SourceStatus.State.UP, ""));

        assertTrue(html.contains("Sources (relayed and published paths)"), html);
        assertTrue(html.contains("<td>/cam1</td><td>rtsp://192.0.2.64/live</td><td>down</td>"
                + "<td>2025-03-01T12:00:05Z</td><td>last failure: &lt;refused&gt;</td>"), html);
        assertTrue(html.indexOf("/cam1") < html.indexOf("/live/a"), html);
    }

    @Test
    void emptyRuntimeSaysSoInEachTable() {
        String html = render(new FakeRuntime());

        assertTrue(html.contains("0 open paths, 0 sessions."), html);
        assertTrue(html.contains("<td colspan=\"5\">No open paths.</td>"), html);
        assertTrue(html.contains("<td colspan=\"12\">No sessions.</td>"), html);
        assertFalse(html.contains("Sources"), "no sources table without relays or publishers");
    }

    @Test
    void noticeIsEscapedAndHighlighted() {
        String html = RuntimePage.html(RuntimeView.of(new FakeRuntime()), "Session <i> ended.", "/c/rtsp");

        assertTrue(html.startsWith("<p class=\"statline ui-state-highlight\">Session &lt;i&gt; ended. 0 open paths"),
                html);
    }

    @Test
    void escapeCoversHtmlMetacharactersAndControlCharacters() {
        assertEquals("&amp;&lt;&gt;&#34;&#39;&#36;&#92;", RuntimePage.escape("&<>\"'$\\"));
        assertEquals("a b\tc", RuntimePage.escape("a\u0000b\tc")); // not valid in XML: a space
        assertEquals("plain", RuntimePage.escape("plain"));
        assertEquals("", RuntimePage.escape(null));
    }

    @Test
    void ipv6ClientsAreBracketed() {
        assertEquals("[2001:db8:0:0:0:0:0:7]:554",
                RuntimeView.client(new java.net.InetSocketAddress("2001:db8::7", 554)));
    }
}
