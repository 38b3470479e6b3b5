package io.tributary.sources.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.source.MediaSource;
import io.tributary.api.source.SeekableSource;
import io.tributary.sources.file.internal.container.Ffmpeg;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSourceProviderTest {
    @TempDir
    Path home;

    private FileSourceProvider provider;

    @BeforeEach
    void mediaDirectoryWithAClip() throws IOException {
        Files.createDirectories(home.resolve("media/shows"));
        Files.createDirectories(home.resolve("demo"));
        Files.writeString(home.resolve("secret.mp4"), "outside the media directory");
        Files.writeString(home.resolve("media/.hidden.mp4"), "hidden");
        provider = new FileSourceProvider(home, config("/vod/", true));
    }

    @Test
    void theVodPrefixMapsToTheMediaDirectory() throws IOException {
        clip(home.resolve("media/shows/clip.mp4"));
        try (MediaSource source = provider.open("/vod/shows/clip.mp4").orElseThrow()) {
            assertEquals("clip.mp4", source.description().title());
            assertFalse(source.description().looping());
        }
    }

    @Test
    void aPrefixWithoutTrailingSlashStillNeedsOne() throws IOException {
        clip(home.resolve("media/clip.mp4"));
        FileSourceProvider movies = new FileSourceProvider(home, config("/movies", true));
        try (MediaSource source = movies.open("/movies/clip.mp4").orElseThrow()) {
            assertEquals("clip.mp4", source.description().title());
        }
        assertTrue(movies.open("/moviesclip.mp4").isEmpty());
        assertTrue(movies.open("/vod/clip.mp4").isEmpty(), "not under the configured prefix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/vod/../secret.mp4", "/vod/shows/../../secret.mp4", "/vod//etc/passwd",
            "/vod/" + "..", "/vod/shows\\..\\..\\secret.mp4", "/vod/clip.mp4\0.txt", "/vod/.hidden.mp4",
            "/vod/shows/./clip.mp4", "/vod/", "/vod"})
    void pathsThatCouldLeaveTheMediaDirectoryAreRefused(String path) throws IOException {
        assertEquals(Optional.empty(), provider.open(path));
    }

    @Test
    void unknownFilesAndOtherPathsAreNotThisProvidersToServe() throws IOException {
        assertTrue(provider.open("/vod/shows/missing.mp4").isEmpty());
        assertTrue(provider.open("/vod/shows").isEmpty(), "a directory");
        assertTrue(provider.open("/live/cam1").isEmpty());
    }

    @Test
    void anUnparsableFileFailsWithTheReason() throws IOException {
        Files.writeString(home.resolve("media/text.mp4"), "not an mp4 at all, just text");
        IOException e = assertThrows(IOException.class, () -> provider.open("/vod/text.mp4"));
        assertTrue(e.getMessage().startsWith("text.mp4: not a supported container"), e.getMessage());

        Files.writeString(home.resolve("media/broken.mp4"), "\0\0\0\u0010ftypisom\0\0\0\0 and no movie");
        e = assertThrows(IOException.class, () -> provider.open("/vod/broken.mp4"));
        assertTrue(e.getMessage().startsWith("broken.mp4: no moov box"), e.getMessage());
    }

    @Test
    void theDemoPathPlaysTheDemoFileInALoop() throws IOException {
        clip(home.resolve("demo/demo.mp4"));
        try (MediaSource source = provider.open("/demo").orElseThrow()) {
            assertEquals("demo.mp4", source.description().title());
            assertTrue(source.description().looping());
        }
        FileSourceProvider once = new FileSourceProvider(home, config("/vod/", false));
        try (MediaSource source = once.open("/demo").orElseThrow()) {
            assertFalse(source.description().looping());
        }
    }

    @Test
    void aMissingDemoFileIsNotFound() throws IOException {
        assertTrue(provider.open("/demo").isEmpty());
    }

    @Test
    void configuredAnchorsDateFilesWithoutACreationTimeOfTheirOwn() throws IOException {
        Ffmpeg.assumeInstalled();
        Files.createDirectories(home.resolve("media/cams/front"));
        Ffmpeg.encode(home.resolve("media/cams/front/a.ts"), 0.5, 25, true, false);
        Ffmpeg.encode(home.resolve("media/cams/front/b.ts"), 0.5, 25, true, false);
        Ffmpeg.encode(home.resolve("media/cams/dated.mp4"), 0.5, 25, true, false,
                "-metadata", "creation_time=2026-01-02T03:04:05Z");
        FileSourceProvider anchored = new FileSourceProvider(home, config("/vod/", true, new String[] {
                "cams/front/=2026-11-24T10:00:00Z", "cams/front/b.ts=2026-11-24T12:00:00Z", "/cams/=2026-11-24T09:00:00Z",
                "not an entry", "cams/x.ts=yesterday"}));

        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), anchor(anchored, "/vod/cams/front/a.ts"), "the folder's");
        assertEquals(Instant.parse("2026-11-24T12:00:00Z"), anchor(anchored, "/vod/cams/front/b.ts"), "its own");
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), anchor(anchored, "/vod/cams/dated.mp4"),
                "the container's own time comes first");
    }

    private static Instant anchor(FileSourceProvider provider, String path) throws IOException {
        try (MediaSource source = provider.open(path).orElseThrow()) {
            return ((SeekableSource) source).wallClockStart().orElseThrow();
        }
    }

    private static void clip(Path file) throws IOException {
        Ffmpeg.assumeInstalled();
        Ffmpeg.encode(file, 0.5, 25, true, true);
    }

    private static FileSourceProvider.Config config(String vodPrefix, boolean demoLoops) {
        return config(vodPrefix, demoLoops, new String[0]);
    }

    private static FileSourceProvider.Config config(String vodPrefix, boolean demoLoops, String[] anchors) {
        return new FileSourceProvider.Config() {
            @Override
            public String[] wallClockAnchors() {
                return anchors;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return FileSourceProvider.Config.class;
            }

            @Override
            public String mediaDirectory() {
                return "media";
            }

            @Override
            public String vodPrefix() {
                return vodPrefix;
            }

            @Override
            public String demoPath() {
                return "/demo";
            }

            @Override
            public String demoFile() {
                return "demo/demo.mp4";
            }

            @Override
            public boolean demoLoops() {
                return demoLoops;
            }
        };
    }
}
