package io.tributary.api.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathPatternTest {
    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /cams/**       | /cams           | true
            /cams/**       | /cams/a         | true
            /cams/**       | /cams/a/b       | true
            /cams/**       | /camsx          | false
            /cams/**       | /other/cams     | false
            /cams/**       | /               | false
            /**            | /               | true
            /**            | /a              | true
            /**            | /a/b/c          | true
            /              | /               | true
            /              | /a              | false
            /*             | /a              | true
            /*             | /               | false
            /*             | /a/b            | false
            /cams/*        | /cams/a         | true
            /cams/*        | /cams           | false
            /cams/*        | /cams/a/b       | false
            /cams/*/hd     | /cams/a/hd      | true
            /cams/*/hd     | /cams/a/sd      | false
            /cams/*/hd     | /cams/a/b/hd    | false
            /**/hd         | /hd             | true
            /**/hd         | /cams/a/hd      | true
            /**/hd         | /cams/a/hd/x    | false
            /a/**/b/**/c   | /a/b/c          | true
            /a/**/b/**/c   | /a/x/b/y/z/c    | true
            /a/**/b/**/c   | /a/x/y/c        | false
            /a/**/*        | /a              | false
            /a/**/*        | /a/b            | true
            /cam1          | /cam1           | true
            /cam1          | /Cam1           | false
            /cam1          | /cam1/          | true
            /cams/         | /cams           | true
            /cams/**/      | /cams/a         | true
            /live/cam one  | /live/cam one   | false
            """)
    void matchesSegmentBySegment(String pattern, String path, boolean expected) {
        if (pattern.contains(" ")) {
            assertThrows(IllegalArgumentException.class, () -> PathPattern.parse(pattern));
            return;
        }
        assertEquals(expected, PathPattern.parse(pattern).matches(path));
    }

    @Test
    void trailingSlashesOfPatternsAreDroppedButTheRootStays() {
        assertEquals("/cams", PathPattern.parse("/cams//").text());
        assertEquals("/", PathPattern.parse("/").text());
        assertEquals("/", PathPattern.parse("//").text());
    }

    @Test
    void charactersOtherThanWholeStarSegmentsAreLiteral() {
        PathPattern pattern = PathPattern.parse("/a.b/[x]/(y)+/?");
        assertEquals(true, pattern.matches("/a.b/[x]/(y)+/?"));
        assertEquals(false, pattern.matches("/aXb/[x]/(y)+/?"));
        assertEquals(false, pattern.matches("/a.b/x/(y)+/?"));
    }

    @Test
    void pathsThatAreNotAbsoluteMatchNothing() {
        PathPattern all = PathPattern.parse("/**");
        assertEquals(false, all.matches("*"));
        assertEquals(false, all.matches(""));
        assertEquals(false, all.matches(null));
    }

    @Test
    void refusesPatternsItCouldMisread() {
        assertEquals("path pattern \"cams/**\" does not start with /",
                assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("cams/**")).getMessage());
        assertEquals("path pattern \"/cams/cam*\": * must be a whole segment (/* or /**), not part of \"cam*\"",
                assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("/cams/cam*")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("/***"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("/a,b"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("/a\tb"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("/a\u0000b"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("/${user}"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("/" + "a".repeat(PathPattern.MAX_LENGTH)));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse(""));
    }

    @Test
    void manyDoubleStarsStayFastOnLongPaths() {
        // A backtracking matcher would take exponential time here; this one takes pattern × path steps.
        PathPattern pattern = PathPattern.parse("/**/a".repeat(20) + "/b");
        String path = "/a".repeat(2000);
        long start = System.nanoTime();
        assertEquals(false, pattern.matches(path));
        assertEquals(true, pattern.matches(path + "/b"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(true, millis < 2000, "took " + millis + " ms");
    }
}
