package io.tributary.sources.file.internal.ts;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.api.media.Encoding;
import io.tributary.sources.file.internal.container.ContainerFile;
import io.tributary.sources.file.internal.container.ContainerFiles;
import io.tributary.sources.file.internal.container.Ffmpeg;
import io.tributary.sources.file.internal.container.FileReader;
import io.tributary.sources.file.internal.container.NeedsFfmpeg;
import io.tributary.sources.file.internal.ts.Probe.Packet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demuxer against ffprobe's packet list: every sample's times (from the earliest first PTS,
 * converted to the RTP clock), size, keyframe flag and bytes (CRC32) must match, on files
 * ffmpeg makes in the shapes that occur in the wild, and on damaged ones.
 */
class TransportStreamFileTest implements NeedsFfmpeg {
    private static final Encoding H264 = new Encoding("H264", 90000, 0);
    private static final Encoding H265 = new Encoding("H265", 90000, 0);
    private static final Encoding AAC = new Encoding("MPEG4-GENERIC", 48000, 2);
    /** ffmpeg's AAC encoder writes ADTS headers without CRC. */
    private static final int ADTS_HEADER = 7;

    @TempDir
    Path dir;

    @Test
    void h264WithBFramesAndAacMatchFfprobeSampleBySample() throws IOException {
        Path file = h264Aac(dir.resolve("clip.ts"));
        try (TransportStreamFile ts = open(file)) {
            assertEquals("MPEG-TS", ts.format());
            TsTrack video = ts.tracks().get(0);
            assertTrue(video.decodeTime(0) < video.presentationTime(0), "B-frames: decoding starts before showing");
            ByteBuffer avcC = video.format().codecConfig();
            assertEquals(1, avcC.get(0), "avcC version");
            assertEquals(3, avcC.get(4) & 3, "4-byte NAL lengths");
            assertEquals(Duration.ofSeconds(2).toMillis(), video.duration().toMillis(), 80.0);
        }
        assertMatchesFfprobe(file, H264, AAC);
    }

    @Test
    void hevcMatchesFfprobeAndCarriesAnHvcCRecord() throws IOException {
        assumeTrue(Ffmpeg.hasEncoder("libx265"), "libx265 not available");
        Path file = Ffmpeg.encode(dir.resolve("hevc.ts"), 1, 25, true, false, "-c:v", "libx265",
                "-x265-params", "log-level=error:bframes=2");
        try (TransportStreamFile ts = open(file)) {
            ByteBuffer hvcC = ts.tracks().get(0).format().codecConfig();
            assertEquals(1, hvcC.get(0), "hvcC configuration version");
            assertEquals(3, hvcC.get(21) & 3, "4-byte NAL lengths");
            assertEquals(3, hvcC.get(22), "VPS, SPS and PPS arrays");
        }
        assertMatchesFfprobe(file, H265);
    }

    @Test
    void m2tsWithTimecodePrefixesMatchesFfprobe() throws IOException {
        Path file = h264Aac(dir.resolve("clip.m2ts"), "-f", "mpegts", "-mpegts_m2ts_mode", "1");
        try (TransportStreamFile ts = open(file)) {
            assertEquals("MPEG-TS (M2TS)", ts.format());
        }
        assertMatchesFfprobe(file, H264, AAC);
    }

    @Test
    void timesStayMonotonicWhereThePtsWrapsPast2To33() throws IOException {
        // 95442 s is 0.3 s before 2^33 ticks once the muxer's 1.4 s start delay is added (95443 is past it)
        Path file = h264Aac(dir.resolve("wrap.ts"), "-output_ts_offset", "95442");
        try (TransportStreamFile ts = open(file)) {
            for (TsTrack track : ts.tracks()) {
                assertTrue(track.samples().pts(0) < Unwrapper.WRAP, "starts before the wrap");
                assertTrue(track.samples().pts(track.sampleCount() - 1) > Unwrapper.WRAP, "ends after it");
                for (int i = 1; i < track.sampleCount(); i++) {
                    assertTrue(track.decodeTime(i) > track.decodeTime(i - 1), "decode times rise: " + i);
                }
            }
        }
        assertMatchesFfprobe(file, H264, AAC);
    }

    @Test
    void aFileCutMidPacketPlaysWhatItHolds() throws IOException {
        Path whole = h264Aac(dir.resolve("whole.ts"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.ts");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2 + 100)); // mid-packet, mid-PES
        try (TransportStreamFile ts = open(cut); TransportStreamFile intact = open(whole)) {
            TsTrack video = ts.tracks().get(0);
            assertTrue(video.sampleCount() > 10 && video.sampleCount() < intact.tracks().get(0).sampleCount());
            for (int i = 0; i < video.sampleCount(); i++) {
                assertEquals(intact.tracks().get(0).presentationTime(i), video.presentationTime(i), "sample " + i);
                assertEquals(intact.read(0, i), ts.read(0, i), "sample " + i);
            }
        }
        assertMatchesFfprobe(cut, true, H264, AAC);
    }

    @Test
    void aContinuityGapDropsOnlyThePesItHits() throws IOException {
        Path whole = h264Aac(dir.resolve("whole.ts"));
        byte[] bytes = Files.readAllBytes(whole);
        int videoPid;
        int victim;
        int hitSample;
        List<Long> intactPts = new ArrayList<>();
        try (TransportStreamFile intact = open(whole)) {
            TsTrack video = intact.tracks().get(0);
            videoPid = video.pid();
            hitSample = 10;
            TsSamples samples = video.samples();
            victim = samples.firstPacket(hitSample) + 1; // the PES continues in its next packets
            while (TsPacket.pid(bytes, victim * TsPacket.SIZE) != videoPid) {
                victim++;
            }
            assertTrue(victim < samples.lastPacket(hitSample), "a packet inside the PES");
            for (int i = 0; i < video.sampleCount(); i++) {
                intactPts.add(video.presentationTime(i));
            }
        }
        byte[] damaged = new byte[bytes.length - TsPacket.SIZE];
        System.arraycopy(bytes, 0, damaged, 0, victim * TsPacket.SIZE);
        System.arraycopy(bytes, (victim + 1) * TsPacket.SIZE, damaged, victim * TsPacket.SIZE,
                bytes.length - (victim + 1) * TsPacket.SIZE);
        Path gap = dir.resolve("gap.ts");
        Files.write(gap, damaged);
        try (TransportStreamFile ts = open(gap); TransportStreamFile intact = open(whole)) {
            assertEquals(1, ts.droppedPes(), "one PES dropped");
            TsTrack video = ts.tracks().get(0);
            List<Long> expected = new ArrayList<>(intactPts);
            expected.remove(hitSample);
            assertEquals(expected.size(), video.sampleCount());
            for (int i = 0; i < video.sampleCount(); i++) {
                int original = i < hitSample ? i : i + 1;
                assertEquals(expected.get(i), video.presentationTime(i), "sample " + i);
                assertEquals(intact.read(0, original), ts.read(0, i), "sample " + i);
            }
            assertEquals(intact.tracks().get(1).sampleCount(), ts.tracks().get(1).sampleCount(), "audio untouched");
        }
    }

    @Test
    void reopeningAnUnchangedFileReusesItsIndexAndAChangedFileIsIndexedAgain() throws IOException {
        Path file = h264Aac(dir.resolve("cached.ts"));
        IndexCache cache = new IndexCache(4, 1 << 20);
        TsTrack first;
        try (TransportStreamFile ts = TransportStreamFile.open(file, cache)) {
            first = ts.tracks().get(0);
        }
        try (TransportStreamFile ts = TransportStreamFile.open(file, cache)) {
            assertSame(first, ts.tracks().get(0), "the cached index");
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        try (TransportStreamFile ts = TransportStreamFile.open(file, cache)) {
            assertNotSame(first, ts.tracks().get(0), "indexed again after a change");
        }
        assertEquals(1, cache.size(), "the stale entry is evicted by the entry bound, not kept twice");
    }

    @Test
    void theCacheKeepsWithinItsEntryAndMemoryBounds() throws IOException {
        Path file = h264Aac(dir.resolve("bounded.ts"));
        long memory;
        try (TransportStreamFile ts = TransportStreamFile.open(file, new IndexCache(0, 0))) {
            memory = new TsIndex(188, ts.tracks(), 0).memory();
        }
        IndexCache byMemory = new IndexCache(10, memory * 2);
        for (int i = 0; i < 3; i++) {
            Path copy = Files.copy(file, dir.resolve("copy" + i + ".ts"));
            TransportStreamFile.open(copy, byMemory).close();
        }
        assertEquals(2, byMemory.size(), "two indexes fit the memory bound");
        IndexCache tooSmall = new IndexCache(10, memory - 1);
        TransportStreamFile.open(file, tooSmall).close();
        assertEquals(0, tooSmall.size(), "an index larger than the bound is not kept");
    }

    @Test
    void containerFilesOpensATransportStreamWhateverItsName() throws IOException {
        Path file = h264Aac(dir.resolve("really-ts.mp4"), "-f", "mpegts");
        try (ContainerFile opened = new ContainerFiles().open(file)) {
            assertTrue(opened instanceof TransportStreamFile);
            assertEquals(2, opened.tracks().size());
        }
    }

    @Test
    void anOpenerKeepsIndexesUntilItIsClearedAndAnotherOpenerHasItsOwn() throws IOException {
        Path file = h264Aac(dir.resolve("opener.ts"));
        ContainerFiles opener = new ContainerFiles();
        TsTrack first = firstTrack(opener, file);
        assertSame(first, firstTrack(opener, file), "the opener's cached index");
        assertNotSame(first, firstTrack(new ContainerFiles(), file), "another opener indexes on its own");
        opener.clear();
        assertNotSame(first, firstTrack(opener, file), "indexed again after clearing");
    }

    private static TsTrack firstTrack(ContainerFiles opener, Path file) throws IOException {
        try (ContainerFile opened = opener.open(file)) {
            return ((TransportStreamFile) opened).tracks().get(0);
        }
    }

    @Test
    void aFileWithoutPlayableStreamsNamesWhatItHolds() throws IOException {
        Path file = Ffmpeg.encode(dir.resolve("mpeg2.ts"), 1, 25, true, true, "-c:v", "mpeg2video", "-c:a", "mp2");
        IOException e = assertThrows(IOException.class, () -> open(file));
        assertTrue(e.getMessage().contains("no playable track") && e.getMessage().contains("stream type 0x2"),
                e.getMessage());
    }

    private Path h264Aac(Path out, String... options) throws IOException {
        List<String> all = new ArrayList<>(List.of("-bf", "2"));
        all.addAll(List.of(options));
        return Ffmpeg.encode(out, 2, 25, true, true, all.toArray(String[]::new));
    }

    private static TransportStreamFile open(Path file) throws IOException {
        return TransportStreamFile.open(file, new IndexCache(0, 0));
    }

    private static void assertMatchesFfprobe(Path file, Encoding... encodings) throws IOException {
        assertMatchesFfprobe(file, false, encodings);
    }

    /**
     * Checks every sample of every track against ffprobe, and reads each one. Times are
     * compared from the earliest PTS, unwrapped here the same way on ffprobe's side.
     *
     * @param cut whether the file ends mid-PES: ffprobe then also lists the partial last frames
     */
    private static void assertMatchesFfprobe(Path file, boolean cut, Encoding... encodings) throws IOException {
        List<List<Packet>> packets = new ArrayList<>();
        long start = Long.MAX_VALUE;
        for (int t = 0; t < encodings.length; t++) {
            List<Packet> unwrapped = unwrap(Probe.packets(file, t));
            packets.add(unwrapped);
            for (Packet p : unwrapped) {
                start = Math.min(start, p.pts());
            }
        }
        try (TransportStreamFile ts = open(file); FileReader raw = new FileReader(file)) {
            assertEquals(encodings.length, ts.tracks().size(), "tracks");
            for (int t = 0; t < encodings.length; t++) {
                TsTrack track = ts.tracks().get(t);
                assertEquals(encodings[t], track.format().encoding(), "encoding of track " + t);
                boolean audio = track.format().type() == io.tributary.api.media.MediaType.AUDIO;
                List<Packet> expected = packets.get(t);
                List<Long> rawCrcs = audio ? rawAacCrcs(file, t) : null;
                if (cut) {
                    assertTrue(expected.size() - track.sampleCount() <= 2,
                            "at most the cut frames missing on track " + t);
                    expected = expected.subList(0, track.sampleCount());
                }
                assertEquals(expected.size(), track.sampleCount(), "samples of track " + t);
                long clock = track.format().encoding().clockRate();
                List<Executable> checks = new ArrayList<>();
                boolean hevc = encodings[t].name().equals("H265");
                long probedBytes = 0;
                long indexedBytes = 0;
                CRC32 stream = new CRC32();
                for (int i = 0; i < expected.size(); i++) {
                    Packet p = expected.get(i);
                    int sample = i;
                    String at = "track " + t + " sample " + i;
                    long origin = start;
                    checks.add(() -> assertEquals(toClock(p.pts() - origin, clock), track.presentationTime(sample),
                            at + " pts"));
                    checks.add(() -> assertEquals(toClock(p.dts() - origin, clock), track.decodeTime(sample),
                            at + " dts"));
                    checks.add(() -> assertEquals(p.keyframe(), track.isSync(sample), at + " keyframe"));
                    ByteBuffer data = ts.read(t, sample);
                    if (audio) {
                        checks.add(() -> assertEquals(p.size() - ADTS_HEADER, track.samples().size(sample),
                                at + " size"));
                        long crc = crc(data.duplicate());
                        long expectedCrc = rawCrcs.get(i);
                        checks.add(() -> assertEquals(expectedCrc, crc, at + " raw AAC bytes"));
                        continue;
                    }
                    byte[] es = PayloadReader.read(raw, ts.index().packetSize(), track.pid(),
                            track.samples(), sample);
                    stream.update(es);
                    probedBytes += p.size();
                    indexedBytes += es.length;
                    long offBy = probedBytes - indexedBytes;
                    // ffmpeg's HEVC parser re-splits units before the zero byte of a 4-byte start code
                    checks.add(() -> assertTrue(offBy == 0 || hevc && Math.abs(offBy) <= 1,
                            at + " size " + es.length + ", ffprobe " + p.size()));
                    if (!hevc) {
                        checks.add(() -> assertEquals(p.crc(), crc(ByteBuffer.wrap(es)), at + " bytes"));
                    }
                    checks.add(() -> assertEquals(ByteBuffer.wrap(fourByteStartCodes(es)), annexB(data.duplicate()),
                            at + " NAL units with 4-byte lengths"));
                }
                if (!audio && !cut) {
                    assertEquals(rawVideoCrc(file, t, hevc), stream.getValue(), "the whole video stream of track " + t);
                }
                assertAll(checks);
            }
        }
    }

    /** The CRC32 of the video stream as ffmpeg copies it out raw. */
    private static long rawVideoCrc(Path file, int stream, boolean hevc) throws IOException {
        Path raw = file.resolveSibling(file.getFileName() + (hevc ? ".hevc" : ".h264"));
        Ffmpeg.ffmpeg("-i", file.toString(), "-map", "0:" + stream, "-c", "copy", "-f", hevc ? "hevc" : "h264",
                raw.toString());
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(raw));
        return crc.getValue();
    }

    /** Annex B bytes with every 3-byte start code widened to 4 bytes (and leading or trailing zeros as they come). */
    private static byte[] fourByteStartCodes(byte[] es) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int zeros = 0;
        for (byte b : es) {
            if (b == 0) {
                zeros++;
                continue;
            }
            if (b == 1 && zeros >= 2) {
                out.writeBytes(new byte[] {0, 0, 0, 1});
            } else {
                out.writeBytes(new byte[zeros]);
                out.write(b);
            }
            zeros = 0;
        }
        return out.toByteArray();
    }

    /** The CRC32s of the raw AAC frames, as ffmpeg's ADTS-to-ASC conversion into MP4 gives them. */
    private static List<Long> rawAacCrcs(Path file, int stream) throws IOException {
        Path m4a = file.resolveSibling(file.getFileName() + ".m4a");
        Ffmpeg.ffmpeg("-i", file.toString(), "-map", "0:" + stream, "-c", "copy", m4a.toString());
        return Probe.packets(m4a, 0).stream().map(Packet::crc).toList();
    }

    /**
     * The sample back in ffmpeg's Annex B form: ffmpeg's encoders and muxer write 4-byte start
     * codes before parameter sets, AUDs and the first slice, 3-byte ones before later slices and
     * SEI; the lengths are checked on the way.
     */
    private static ByteBuffer annexB(ByteBuffer sample) {
        ByteBuffer out = ByteBuffer.allocate(sample.remaining());
        int units = 0;
        while (sample.hasRemaining()) {
            int length = sample.getInt();
            assertTrue(length > 0 && length <= sample.remaining(), "NAL length " + length);
            out.putInt(1);
            out.put(sample.slice(sample.position(), length));
            sample.position(sample.position() + length);
            units++;
        }
        assertTrue(units > 0);
        return out.flip();
    }

    private static long crc(ByteBuffer data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    /** ffprobe's times placed, like the demuxer's, nearest to the time before them. */
    private static List<Packet> unwrap(List<Packet> packets) {
        List<Packet> out = new ArrayList<>();
        long last = packets.isEmpty() ? 0 : packets.get(0).dts();
        for (Packet p : packets) {
            long pts = nearest(p.pts(), last);
            long dts = nearest(p.dts(), pts);
            last = dts;
            out.add(new Packet(p.stream(), pts, dts, p.size(), p.keyframe(), p.crc()));
        }
        return out;
    }

    private static long nearest(long value, long reference) {
        return value + Math.floorDiv(reference - value + Unwrapper.WRAP / 2, Unwrapper.WRAP) * Unwrapper.WRAP;
    }

    /** {@code ticks * clock / 90000} rounded half up, computed independently. */
    private static long toClock(long ticks, long clock) {
        return Math.floorDiv(ticks * clock * 2 + 90000, 2 * 90000);
    }
}
