package io.tributary.sources.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.sources.file.internal.container.ContainerFiles;
import io.tributary.sources.file.internal.container.Ffmpeg;
import io.tributary.sources.file.internal.container.NeedsFfmpeg;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest implements NeedsFfmpeg {
    @TempDir
    Path dir;

    @Test
    void describesTheTracksOfTheFile() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("clip.mp4"), 2, 25, true, true);
        try (FileSource source = open(file, false)) {
            MediaDescription description = source.description();
            assertEquals("clip.mp4", description.title());
            assertEquals(Duration.ofSeconds(2), description.duration());
            assertTrue(description.seekable());

            TrackDescription video = description.tracks().get(0);
            assertEquals(MediaType.VIDEO, video.type());
            assertEquals(new Encoding("H264", 90000, 0), video.encoding());
            assertEquals(320, video.width());
            assertEquals(180, video.height());
            assertTrue(video.bitrate() > 10_000, "video bitrate " + video.bitrate());
            ByteBuffer avcC = video.codecConfigView();
            assertEquals(1, avcC.get(0), "avcC version");
            assertEquals(0xFF, avcC.get(4) & 0xFF, "4-byte NAL lengths");

            TrackDescription audio = description.tracks().get(1);
            assertEquals(new Encoding("MPEG4-GENERIC", 48000, 2), audio.encoding());
            assertTrue(hex(audio.codecConfigView()).startsWith("1190"), "AudioSpecificConfig of AAC-LC 48 kHz stereo");
        }
    }

    @Test
    void readsAccessUnitsWithTimesInTheTrackClock() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("clip.mp4"), 2, 25, true, true);
        try (FileSource source = open(file, false)) {
            assertEquals(50, source.sampleCount(0));
            AccessUnit second = source.read(0, 25);
            assertEquals(0, second.track());
            assertEquals(25 * 3600, second.presentationTime());
            assertEquals(25 * 3600, source.decodeTime(0, 25));
            assertTrue(second.keyframe(), "1 s GOP");
            assertFalse(source.read(0, 26).keyframe());
            assertEquals(25, source.seekIndex(0, 90000 + 3600));
            ByteBuffer data = second.dataView();
            assertEquals(data.remaining(), data.getInt(0) + 4 + nalUnitsAfterTheFirst(data), "4-byte lengths");

            AccessUnit audio = source.read(1, 1);
            assertEquals(0, audio.presentationTime(), "the frame after the priming frame starts the audio");
            assertTrue(audio.keyframe());
            assertEquals(1, source.seekIndex(1, 0));
        }
    }

    @Test
    void loopingMediaKeepsItsDurationAsTheLoopPeriodButIsNotSeekable() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("loop.mp4"), 1, 25, true, false);
        try (FileSource source = open(file, true)) {
            assertTrue(source.description().looping());
            assertFalse(source.description().seekable());
            assertEquals(Duration.ofSeconds(1), source.description().duration());
        }
    }

    @Test
    void closingTwiceIsHarmless() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("clip.m4a"), 1, 0, false, true);
        FileSource source = open(file, false);
        source.close();
        source.close();
    }

    private static int nalUnitsAfterTheFirst(ByteBuffer data) {
        int at = 4 + data.getInt(0);
        int rest = 0;
        while (at < data.limit()) {
            int length = data.getInt(at);
            rest += 4 + length;
            at += 4 + length;
        }
        return rest;
    }

    private static String hex(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static FileSource open(Path file, boolean looping) throws IOException {
        return FileSource.open(new ContainerFiles(), file, looping, Optional.empty());
    }
}
