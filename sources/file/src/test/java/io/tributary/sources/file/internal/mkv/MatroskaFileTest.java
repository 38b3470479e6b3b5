package io.tributary.sources.file.internal.mkv;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.api.media.Encoding;
import io.tributary.sources.file.internal.container.ContainerFiles;
import io.tributary.sources.file.internal.container.Ffmpeg;
import io.tributary.sources.file.internal.container.NeedsFfmpeg;
import io.tributary.sources.file.internal.mkv.Ffprobe.Packet;
import io.tributary.sources.file.internal.mp4.Mp4File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demuxer against ffprobe's packet list on files ffmpeg writes: every frame's bytes (MD5),
 * keyframe flag and times (converted to the RTP clock) must match.
 */
class MatroskaFileTest implements NeedsFfmpeg {
    /** libopus's pre-skip of 312 samples, which ffmpeg writes as CodecDelay. */
    private static final long OPUS_CODEC_DELAY = 6_500_000;

    @TempDir
    Path dir;

    @Test
    void h264WithBFramesAndAacMatchFfprobeIncludingDerivedDecodeTimes() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("bframes.mkv"), 2, 25, true, true, "-bf", "3");
        assertEquals("2", Ffprobe.stream(file, 0, "has_b_frames"), "x264 announces a reorder delay of 2");
        try (MatroskaFile mkv = MatroskaFile.open(file)) {
            assertEquals("Matroska (matroska)", mkv.format());
            MatroskaTrack video = mkv.tracks().get(0);
            assertEquals(3, video.format().codecConfig().get(4) & 3, "avcC announces 4-byte lengths");
            assertEquals(4, video.format().nalLengthSize(), "ffmpeg stores 4-byte lengths");
            assertEquals(video.presentationTime(0) - 2 * 3600, video.decodeTime(0), "two frames of decode delay");
            assertTrue(video.duration().compareTo(Duration.ofSeconds(2)) >= 0, "duration " + video.duration());
        }
        assertMatchesFfprobe(file, new long[] {0, 0}, new Encoding("H264", 90000, 0),
                new Encoding("MPEG4-GENERIC", 48000, 2));
    }

    @Test
    void vp8AndOpusWebmMatchFfprobeWithTheCodecDelayBeforeTheStart() throws IOException {
        assumeTrue(Ffmpeg.hasEncoder("libvpx") && Ffmpeg.hasEncoder("libopus"), "libvpx or libopus not available");
        Path file = Ffmpeg.encode(dir.resolve("clip.webm"), 1, 25, true, true, "-c:v", "libvpx", "-b:v", "300k",
                "-c:a", "libopus");
        try (MatroskaFile webm = MatroskaFile.open(file)) {
            assertEquals("Matroska (webm)", webm.format());
            assertEquals(0, webm.tracks().get(0).format().codecConfig().remaining(), "VP8 has no configuration");
            MatroskaTrack opus = webm.tracks().get(1);
            assertEquals(-312, opus.presentationTime(0), "the pre-skip plays before the start");
        }
        assertMatchesFfprobe(file, new long[] {0, OPUS_CODEC_DELAY}, new Encoding("VP8", 90000, 0),
                new Encoding("OPUS", 48000, 2));
    }

    @Test
    void opusConfigurationIsTheDopsTheMp4DemuxerReads() throws IOException {
        assumeTrue(Ffmpeg.hasEncoder("libopus"), "libopus not available");
        Path webm = Ffmpeg.encode(dir.resolve("opus.webm"), 1, 0, false, true, "-c:a", "libopus");
        Path mp4 = Ffmpeg.encode(dir.resolve("opus.mp4"), 1, 0, false, true, "-c:a", "libopus");
        try (MatroskaFile mkv = MatroskaFile.open(webm); Mp4File iso = Mp4File.open(mp4)) {
            assertEquals(iso.tracks().get(0).format(), mkv.tracks().get(0).format());
        }
    }

    @Test
    void vp9WebmMatchesFfprobe() throws IOException {
        assumeTrue(Ffmpeg.hasEncoder("libvpx-vp9"), "libvpx-vp9 not available");
        Path file = Ffmpeg.encode(dir.resolve("vp9.webm"), 1, 25, true, false, "-c:v", "libvpx-vp9", "-b:v", "200k",
                "-deadline", "realtime", "-cpu-used", "8");
        try (MatroskaFile webm = MatroskaFile.open(file)) {
            assertEquals(320, webm.tracks().get(0).format().width());
            assertEquals(180, webm.tracks().get(0).format().height());
        }
        assertMatchesFfprobe(file, new long[] {0}, new Encoding("VP9", 90000, 0));
    }

    @Test
    void hevcMkvMatchesFfprobeAndServesFourByteLengths() throws IOException {
        assumeTrue(Ffmpeg.hasEncoder("libx265"), "libx265 not available");
        Path file = Ffmpeg.encode(dir.resolve("hevc.mkv"), 1, 25, true, false, "-c:v", "libx265",
                "-x265-params", "log-level=error");
        try (MatroskaFile mkv = MatroskaFile.open(file)) {
            ByteBuffer hvcC = mkv.tracks().get(0).format().codecConfig();
            assertEquals(1, hvcC.get(0), "hvcC configuration version");
            assertEquals(3, hvcC.get(21) & 3, "4-byte NAL lengths");
        }
        assertMatchesFfprobe(file, new long[] {0}, new Encoding("H265", 90000, 0));
    }

    @Test
    void dateUtcIsTheCreationTime() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("dated.mkv"), 1, 25, true, false, "-metadata",
                "creation_time=2024-05-06T07:08:09.123456Z");
        assertEquals("2024-05-06T07:08:09.123456Z", Ffprobe.formatTag(file, "creation_time"));
        try (MatroskaFile mkv = MatroskaFile.open(file)) {
            assertEquals(Instant.parse("2024-05-06T07:08:09.123456Z"), mkv.created().orElseThrow());
        }
        try (MatroskaFile mkv = MatroskaFile.open(Ffmpeg.encode(dir.resolve("undated.mkv"), 1, 25, true, false,
                "-fflags", "+bitexact"))) {
            assertTrue(mkv.created().isEmpty(), "no DateUTC: no creation time");
        }
    }

    @Test
    void containerFilesOpensMatroskaWhateverTheName() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("clip.mkv"), 1, 25, true, true, "-f", "matroska");
        Path renamed = java.nio.file.Files.move(file, dir.resolve("clip.mp4"));
        try (var opened = new ContainerFiles().open(renamed)) {
            assertTrue(opened instanceof MatroskaFile, "sniffed as Matroska");
            assertEquals(2, opened.tracks().size());
        }
    }

    @Test
    void liveWrittenFileWithASegmentOfUnknownSizeMatchesFfprobe() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("live.mkv"), 2, 25, true, true, "-live", "1");
        byte[] data = java.nio.file.Files.readAllBytes(file);
        String hex = HexFormat.of().formatHex(data, 0, 200);
        assertTrue(hex.contains("1853806701ffffffffffffff"), "the Segment has an unknown size");
        assertMatchesFfprobe(file, new long[] {0, 0}, new Encoding("H264", 90000, 0),
                new Encoding("MPEG4-GENERIC", 48000, 2));
    }

    /**
     * Checks every frame of every track against ffprobe, and reads each one.
     *
     * @param codecDelays each track's CodecDelay in ns: ffmpeg subtracts it rounded to whole ms,
     *                    the demuxer exactly
     */
    static void assertMatchesFfprobe(Path file, long[] codecDelays, Encoding... encodings) throws IOException {
        try (MatroskaFile mkv = MatroskaFile.open(file)) {
            assertEquals(encodings.length, mkv.tracks().size(), "tracks");
            for (int t = 0; t < encodings.length; t++) {
                MatroskaTrack track = mkv.tracks().get(t);
                assertEquals(encodings[t], track.format().encoding(), "encoding of track " + t);
                assertEquals("1/1000", Ffprobe.stream(file, t, "time_base"), "ffmpeg's Matroska time base");
                long clock = track.format().encoding().clockRate();
                long delayMs = Math.round(codecDelays[t] / 1e6);
                long delayClock = codecDelays[t] * clock / 1_000_000_000L;
                List<Packet> packets = Ffprobe.packets(file, t);
                assertEquals(packets.size(), track.sampleCount(), "frames of track " + t);
                List<Executable> checks = new ArrayList<>();
                for (int i = 0; i < packets.size(); i++) {
                    Packet p = packets.get(i);
                    int sample = i;
                    String at = "track " + t + " frame " + i;
                    String md5 = md5(mkv.read(t, sample));
                    checks.add(() -> assertEquals(p.md5(), md5, at + " bytes"));
                    checks.add(() -> assertEquals(p.keyframe(), track.isSync(sample), at + " keyframe"));
                    checks.add(() -> assertEquals(toClock(p.pts() + delayMs, clock) - delayClock,
                            track.presentationTime(sample), at + " pts"));
                    if (p.dts() != null) {
                        checks.add(() -> assertEquals(toClock(p.dts() + delayMs, clock) - delayClock,
                                track.decodeTime(sample), at + " dts"));
                    } else {
                        checks.add(() -> assertTrue(track.decodeTime(sample) <= track.presentationTime(sample),
                                at + ": ffprobe has no dts yet; ours is not after the pts"));
                    }
                    if (i > 0) {
                        checks.add(() -> assertTrue(track.decodeTime(sample) > track.decodeTime(sample - 1),
                                at + " dts increases"));
                    }
                }
                assertAll(checks);
            }
        }
    }

    /** An independent conversion: {@code ms * clock / 1000} rounded half up. */
    private static long toClock(long ms, long clock) {
        return Math.floorDiv(ms * clock * 2 + 1000, 2000);
    }

    private static String md5(ByteBuffer data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
