package io.tributary.sources.file.internal.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.Encoding;
import io.tributary.sources.file.internal.container.Ffmpeg;
import io.tributary.sources.file.internal.container.Ffmpeg.Packet;
import io.tributary.sources.file.internal.container.NeedsFfmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fragmented MP4 as ffmpeg writes it, against ffprobe's packet list: every sample's offset,
 * size, keyframe flag and times must match, for H.264 + AAC in each fragmenting mode.
 */
class Mp4FragmentTest implements NeedsFfmpeg {
    @TempDir
    Path dir;

    @Test
    void keyframeFragmentsWithAnEmptyMovieBoxMatchFfprobe() throws IOException {
        assertMatchesFfprobe(encode("empty-moov.mp4", 0, "frag_keyframe+empty_moov"), 0);
    }

    @Test
    void cmafStyleFragmentsCountingFromTheMoofMatchFfprobe() throws IOException {
        assertMatchesFfprobe(encode("base-moof.mp4", 0, "frag_keyframe+empty_moov+default_base_moof"), 0);
        // tfhd with a sample description index, trun version 1
        assertMatchesFfprobe(encode("cmaf.mp4", 0, "cmaf"), 0);
    }

    @Test
    void samplesOfTheMovieBoxComeBeforeTheFragments() throws IOException {
        Path file = encode("moov-and-fragments.mp4", 0, "frag_keyframe");
        try (Mp4File mp4 = Mp4File.open(file)) {
            Mp4Track video = mp4.tracks().get(0);
            assertTrue(video.isSync(25), "the second keyframe starts the first fragment");
            assertEquals(25, video.seekIndex(video.presentationTime(25)));
        }
        assertMatchesFfprobe(file, 0);
    }

    @Test
    void dashSegmentsWithSegmentIndexesMatchFfprobe() throws IOException {
        assertMatchesFfprobe(encode("dash.mp4", 0, "dash"), 0);
    }

    @Test
    void aFragmentPerFrameMatchesFfprobe() throws IOException {
        assertMatchesFfprobe(encode("every-frame.mp4", 0, "frag_every_frame+empty_moov"), 0);
    }

    @Test
    void bFramesInFragmentsGetTheirCompositionOffsets() throws IOException {
        Path file = encode("bframes.mp4", 2, "frag_keyframe+empty_moov");
        try (Mp4File mp4 = Mp4File.open(file)) {
            Mp4Track video = mp4.tracks().get(0);
            assertTrue(video.presentationTime(1) > video.presentationTime(2), "reordered");
        }
        assertMatchesFfprobe(file, 0);
    }

    /**
     * {@code trun} version 1 with negative composition offsets and no edit list. ffmpeg keeps
     * the decode times of fragments and moves presentation forward by the largest negative
     * offset; this demuxer does what it does for {@code ctts} version 1 (and ffmpeg does for
     * unfragmented files): presentation as stored, decode times moved back. The two differ by
     * that one constant.
     */
    @Test
    void negativeCompositionOffsetsInFragmentsMoveDecodeTimesBack() throws IOException {
        Path file = encode("negative-cts.mp4", 2, "frag_keyframe+empty_moov+negative_cts_offsets", "-use_editlist", "0");
        try (Mp4File mp4 = Mp4File.open(file)) {
            Mp4Track video = mp4.tracks().get(0);
            int shift = -video.samples().minCompositionOffset();
            assertTrue(shift > 0, "negative offsets");
            assertEquals(0, video.presentationTime(0), "the first picture shows at 0, with the audio");
            assertMatchesFfprobe(file, shift);
        }
    }

    @Test
    void aRecordingKilledInsideItsLastFragmentPlaysUpToTheLastCompleteSample() throws IOException {
        Path whole = encode("whole.mp4", 0, "frag_keyframe+empty_moov", "-frag_duration", "500000");
        byte[] data = Files.readAllBytes(whole);
        int cut = data.length - 20000;
        Path file = dir.resolve("killed.mp4");
        Files.write(file, Arrays.copyOf(data, cut));
        try (Mp4File mp4 = Mp4File.open(file)) {
            for (int t = 0; t < 2; t++) {
                List<Packet> complete = Ffmpeg.packets(whole, t).stream().filter(p -> p.pos() + p.size() <= cut).toList();
                Mp4Track track = mp4.tracks().get(t);
                assertTrue(complete.size() < Ffmpeg.packets(whole, t).size(), "track " + t + " is cut");
                assertEquals(complete.size(), track.sampleCount(), "track " + t + ": the complete samples");
                Packet last = complete.getLast();
                assertEquals(last.pos(), track.samples().offset(track.sampleCount() - 1));
                assertEquals(last.size(), mp4.read(t, track.sampleCount() - 1).remaining());
            }
        }
    }

    private Path encode(String name, int bFrames, String movflags, String... options) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-bf", String.valueOf(bFrames), "-movflags", movflags));
        arguments.addAll(List.of(options));
        return Ffmpeg.encode(dir.resolve(name), 2, 25, true, true, arguments.toArray(String[]::new));
    }

    /**
     * Checks every sample of the H.264 and AAC tracks against ffprobe, and reads each one.
     *
     * @param videoShift media ticks by which ffprobe's video times exceed this demuxer's
     */
    private static void assertMatchesFfprobe(Path file, long videoShift) throws IOException {
        Mp4FileTest.assertMatchesFfprobe(file, videoShift, new Encoding("H264", 90000, 0),
                new Encoding("MPEG4-GENERIC", 48000, 2));
    }
}
