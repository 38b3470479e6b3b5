package io.tributary.sources.file.internal.mp4;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.api.media.Encoding;
import io.tributary.sources.file.internal.container.Ffmpeg;
import io.tributary.sources.file.internal.container.Ffmpeg.Packet;
import io.tributary.sources.file.internal.container.Ffmpeg.Stream;
import io.tributary.sources.file.internal.container.NeedsFfmpeg;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demuxer against ffprobe's packet list: every sample's offset, size, keyframe flag and
 * times (converted to the RTP clock) must match, on clips ffmpeg makes in the shapes that
 * occur in the wild.
 */
class Mp4FileTest implements NeedsFfmpeg {
    @TempDir
    Path dir;

    @Test
    void samplesMatchFfprobeWhenTheMoovFollowsTheMediaData() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("end.mp4"), 2, 30, true, true);
        assertTrue(moovOffset(file) > 1000, "moov at the end");
        assertMatchesFfprobe(file, new Encoding("H264", 90000, 0), new Encoding("MPEG4-GENERIC", 48000, 2));
    }

    @Test
    void samplesMatchFfprobeWhenTheMoovComesFirst() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("faststart.mp4"), 2, 30, true, true, "-movflags", "+faststart");
        assertTrue(moovOffset(file) < 100, "moov first");
        assertMatchesFfprobe(file, new Encoding("H264", 90000, 0), new Encoding("MPEG4-GENERIC", 48000, 2));
    }

    @Test
    void bFramesGetCompositionOffsetsAndTheEditListLinesVideoUpWithAudio() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("bframes.mp4"), 2, 25, true, true, "-bf", "2");
        try (Mp4File mp4 = Mp4File.open(file)) {
            Mp4Track video = mp4.tracks().get(0);
            assertEquals(0, video.presentationTime(0), "the edit list shifts the first picture to 0");
            assertEquals(-2 * 3600, video.decodeTime(0), "two frames of decode delay");
            Mp4Track audio = mp4.tracks().get(1);
            assertEquals(-1024, audio.presentationTime(0), "AAC priming plays before the start");
            assertEquals(1, audio.seekIndex(0), "playing from 0 skips the priming frame");
        }
        assertMatchesFfprobe(file, new Encoding("H264", 90000, 0), new Encoding("MPEG4-GENERIC", 48000, 2));
    }

    @Test
    void negativeCompositionOffsetsMoveDecodeTimesBack() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("negative-cts.mp4"), 1, 25, true, false, "-bf", "2",
                "-movflags", "+negative_cts_offsets");
        try (Mp4File mp4 = Mp4File.open(file)) {
            Mp4Track video = mp4.tracks().get(0);
            assertTrue(video.samples().minCompositionOffset() < 0, "ctts version 1 with negative offsets");
            for (int i = 0; i < video.sampleCount(); i++) {
                assertTrue(video.decodeTime(i) <= video.presentationTime(i), "decode before presentation: " + i);
            }
        }
        assertMatchesFfprobe(file, new Encoding("H264", 90000, 0));
    }

    @Test
    void audioOnlyM4aIsPlayable() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("audio.m4a"), 2, 0, false, true);
        assertMatchesFfprobe(file, new Encoding("MPEG4-GENERIC", 48000, 2));
    }

    @Test
    void timesAreConvertedFromTimescale12800ToTheVideoClock() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("25fps.mp4"), 2, 25, true, false);
        assertEquals(12800, Ffmpeg.streams(file).get(0).timescale());
        try (Mp4File mp4 = Mp4File.open(file)) {
            Mp4Track video = mp4.tracks().get(0);
            for (int i = 0; i < video.sampleCount(); i++) {
                assertEquals(i * 3600L, video.presentationTime(i), "frame " + i);
            }
            assertEquals(50, video.sampleCount());
            assertEquals(Duration.ofSeconds(2), video.duration());
            assertEquals(25, video.seekIndex(90000), "1 s is a keyframe");
            assertEquals(25, video.seekIndex(90000 + 5 * 3600), "1.2 s starts at the keyframe before");
            assertEquals(0, video.seekIndex(90000 - 1), "just before 1 s");
            assertEquals(0, video.seekIndex(-90000), "before the start");
        }
        assertMatchesFfprobe(file, new Encoding("H264", 90000, 0));
    }

    @Test
    void quickTimeMovWithAacIsPlayable() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("clip.mov"), 1, 30, true, true);
        assertMatchesFfprobe(file, new Encoding("H264", 90000, 0), new Encoding("MPEG4-GENERIC", 48000, 2));
    }

    @Test
    void hevcTracksCarryTheirHvcCRecord() throws IOException {
        assumeTrue(Ffmpeg.hasEncoder("libx265"), "libx265 not available");
        Path file = Ffmpeg.encode(dir.resolve("hevc.mp4"), 1, 25, true, false, "-c:v", "libx265",
                "-x265-params", "log-level=error:bframes=0", "-tag:v", "hvc1");
        try (Mp4File mp4 = Mp4File.open(file)) {
            ByteBuffer hvcC = mp4.tracks().get(0).format().codecConfig();
            assertEquals(1, hvcC.get(0), "hvcC configuration version");
            assertEquals(3, hvcC.get(21) & 3, "4-byte NAL lengths");
        }
        assertMatchesFfprobe(file, new Encoding("H265", 90000, 0));
    }

    @Test
    void opusTracksUseTheOpusClock() throws IOException {
        assumeTrue(Ffmpeg.hasEncoder("libopus"), "libopus not available");
        Path file = Ffmpeg.encode(dir.resolve("opus.mp4"), 1, 0, false, true, "-c:a", "libopus");
        assertMatchesFfprobe(file, new Encoding("OPUS", 48000, 2));
    }

    /** Checks every sample of every track against ffprobe, and reads each one. */
    private static void assertMatchesFfprobe(Path file, Encoding... encodings) throws IOException {
        assertMatchesFfprobe(file, 0, encodings);
    }

    /**
     * Checks every sample of every track against ffprobe, and reads each one.
     *
     * @param videoShift media ticks by which ffprobe's times of the first track exceed this demuxer's
     */
    static void assertMatchesFfprobe(Path file, long videoShift, Encoding... encodings) throws IOException {
        List<Stream> streams = Ffmpeg.streams(file);
        try (Mp4File mp4 = Mp4File.open(file)) {
            assertEquals(encodings.length, mp4.tracks().size(), "tracks");
            assertEquals(streams.size(), mp4.tracks().size(), "streams");
            for (int t = 0; t < encodings.length; t++) {
                Mp4Track track = mp4.tracks().get(t);
                assertEquals(encodings[t], track.format().encoding(), "encoding of track " + t);
                long timescale = streams.get(t).timescale();
                long clock = track.format().encoding().clockRate();
                long shift = t == 0 ? videoShift : 0;
                List<Packet> packets = Ffmpeg.packets(file, t);
                assertEquals(packets.size(), track.sampleCount(), "samples of track " + t);
                List<Executable> checks = new ArrayList<>();
                for (int i = 0; i < packets.size(); i++) {
                    Packet p = packets.get(i);
                    int sample = i;
                    String at = "track " + t + " sample " + i;
                    checks.add(() -> assertEquals(p.pos(), track.samples().offset(sample), at + " offset"));
                    checks.add(() -> assertEquals(p.size(), track.samples().size(sample), at + " size"));
                    checks.add(() -> assertEquals(p.keyframe(), track.isSync(sample), at + " keyframe"));
                    checks.add(() -> assertEquals(toClock(p.pts() - shift, clock, timescale),
                            track.presentationTime(sample), at + " pts"));
                    checks.add(() -> assertEquals(toClock(p.dts() - shift, clock, timescale),
                            track.decodeTime(sample), at + " dts"));
                    ByteBuffer data = mp4.read(t, sample);
                    checks.add(() -> assertEquals(p.size(), data.remaining(), at + " bytes read"));
                }
                assertAll(checks);
            }
        }
    }

    /** An independent conversion: {@code ticks * clock / timescale} rounded half up. */
    private static long toClock(long ticks, long clock, long timescale) {
        return Math.floorDiv(ticks * clock * 2 + timescale, 2 * timescale);
    }

    private static long moovOffset(Path file) throws IOException {
        byte[] data = Files.readAllBytes(file);
        for (int i = 4; i + 4 <= data.length; i++) {
            if (data[i] == 'm' && data[i + 1] == 'o' && data[i + 2] == 'o' && data[i + 3] == 'v') {
                return i - 4;
            }
        }
        return -1;
    }
}
