package io.tributary.transports.multicast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.path.PathPattern;
import io.tributary.rtsp.header.TransportHeader;
import io.tributary.rtsp.header.TransportSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathRulesTest {
    private static final PathRules RULES = new PathRules(
            PathRules.patterns("paths", new String[] {"/live/**, /cams/*"}),
            PathRules.patterns("multicastOnlyPaths", new String[] {"/iptv/*"}),
            PathRules.patterns("vodPaths", new String[] {"/vod/shows/**", ""}));

    /** What the policy says of a SETUP spec for a path; "-" when it lets the spec through. */
    @ParameterizedTest(name = "{1} on {0} (live {2}): {3}")
    @CsvSource(delimiter = '|', textBlock = """
            /live/a        | RTP/AVP;multicast                 | true  | -
            /live/a/b      | RTP/AVP/UDP;multicast             | true  | -
            /cams/1        | RTP/AVP;multicast                 | true  | -
            /cams/1/hd     | RTP/AVP;multicast                 | true  | multicast is not offered for /cams/1/hd
            /other         | RTP/AVP;multicast                 | true  | multicast is not offered for /other
            /live/a        | RTP/AVP;unicast;client_port=5000-5001 | true | -
            /live/a        | RTP/AVP/TCP;interleaved=0-1       | true  | -
            /iptv/news     | RTP/AVP;multicast                 | true  | -
            /iptv/news     | RTP/AVP;unicast;client_port=5000-5001 | true | /iptv/news is served by multicast only: SETUP with Transport: RTP/AVP;multicast
            /iptv/news     | RTP/AVP/TCP;interleaved=0-1       | true  | /iptv/news is served by multicast only: SETUP with Transport: RTP/AVP;multicast
            /iptv/news     | RTP/SAVP;unicast;client_port=5000-5001 | true | /iptv/news is served by multicast only: SETUP with Transport: RTP/AVP;multicast
            /iptv/film.mp4 | RTP/AVP/TCP;interleaved=0-1       | false | /iptv/film.mp4 is served by multicast only: SETUP with Transport: RTP/AVP;multicast
            /iptv/film.mp4 | RTP/AVP;multicast                 | false | -
            /vod/shows/a.mp4 | RTP/AVP;multicast               | false | -
            /vod/other.mp4 | RTP/AVP;multicast                 | false | /vod/other.mp4 is a file: it has a timeline per session, and multicast is offered for files only where configured (vodPaths)
            /live/a        | RTP/AVP;multicast                 | false | /live/a is a file: it has a timeline per session, and multicast is offered for files only where configured (vodPaths)
            /other         | RTP/SAVP;multicast                | true  | -
            """)
    void decidesWhichSpecsMayCarryAPath(String path, String transport, boolean live, String expected) {
        TransportSpec spec = TransportHeader.parse(transport).get(0);
        String refusal = RULES.refusal(path, spec, live);
        assertEquals(expected.equals("-") ? null : expected, refusal);
    }

    @Test
    void theDefaultsMulticastEveryLivePathAndNoFile() {
        PathRules defaults = new PathRules(PathRules.patterns("paths", new String[] {"/**"}),
                PathRules.patterns("multicastOnlyPaths", new String[0]), PathRules.patterns("vodPaths", new String[] {""}));
        assertNull(defaults.multicastRefusal("/any/live/path", true));
        assertNull(defaults.multicastRefusal("/", true));
        assertTrue(defaults.multicastRefusal("/demo", false).contains("vodPaths"));
        assertNull(defaults.refusal("/demo", TransportHeader.parse("RTP/AVP/TCP").get(0), false));
    }

    @Test
    void patternsComeCommaOrSpaceSeparatedAndABadOneIsNamed() {
        assertEquals(List.of("/a", "/b/*", "/c/**"), PathRules.patterns("paths", new String[] {"/a, /b/*", " /c/** "})
                .stream().map(PathPattern::toString).toList());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> PathRules.patterns("vodPaths", new String[] {"/ok", "/files/*.mp4"}));
        assertEquals("vodPaths: path pattern \"/files/*.mp4\": * must be a whole segment (/* or /**), not part of"
                + " \"*.mp4\"", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PathRules.patterns("paths", new String[] {"live/*"}));
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /**          | /             | true
            /**          | /a/b          | true
            /live/**     | /live         | true
            /live/**     | /lively       | false
            /live/*      | /live/a       | true
            /live/*      | /live/a/b     | false
            /live/*      | /live         | false
            /**/hd       | /cams/1/hd    | true
            /**/hd       | /cams/1/sd    | false
            /a/**/b/**/c | /a/x/b/y/z/c  | true
            /a/**/b/**/c | /a/x/y/c      | false
            /cam1/       | /cam1         | true
            /Cam1        | /cam1         | false
            /*           | *             | false
            """)
    void patternsMatchSegmentBySegment(String pattern, String path, boolean expected) {
        assertEquals(expected, PathPattern.parse(pattern).matches(path));
    }
}
