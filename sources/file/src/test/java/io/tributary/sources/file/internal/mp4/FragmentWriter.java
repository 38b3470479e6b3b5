package io.tributary.sources.file.internal.mp4;

import static io.tributary.sources.file.internal.mp4.MovieBuilder.box;
import static io.tributary.sources.file.internal.mp4.MovieBuilder.concat;
import static io.tributary.sources.file.internal.mp4.MovieBuilder.u32;
import static io.tributary.sources.file.internal.mp4.MovieBuilder.u64;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Appends movie fragments ({@code moof} + {@code mdat}) for track 1 to a file made by
 * {@link MovieBuilder}, in the shapes ffmpeg does not write: implicit data offsets, runs without
 * a data offset, fragments without {@code tfdt}, per-sample flags and composition offsets.
 */
final class FragmentWriter {
    /** Sample flags of a picture that others depend on and is a sync sample. */
    static final int SYNC = 0x0200_0000;
    /** Sample flags of a picture that depends on others: not a sync sample. */
    static final int NON_SYNC = 0x0101_0000;

    /** Where the data of a track fragment is counted from. */
    enum Base {
        /** Neither flag: the {@code moof} start for the first track fragment. */
        IMPLICIT,
        /** {@code tfhd} base-data-offset: the start of the {@code mdat} payload. */
        EXPLICIT,
        /** {@code tfhd} default-base-is-moof. */
        MOOF
    }

    /**
     * A track run.
     *
     * @param samples            the samples' bytes
     * @param durations          per-sample durations, or {@code null} for the defaults
     * @param flags              per-sample flags, or {@code null} for the defaults
     * @param firstFlags         first-sample flags, or {@code null}
     * @param compositionOffsets per-sample composition offsets ({@code trun} version 1), or {@code null}
     * @param dataOffset         whether the run carries a data offset
     */
    record Run(List<byte[]> samples, int[] durations, int[] flags, Integer firstFlags, int[] compositionOffsets,
               boolean dataOffset) {
        static Run of(byte[]... samples) {
            return new Run(List.of(samples), null, null, null, null, true);
        }
    }

    /**
     * A fragment of track 1.
     *
     * @param decodeTime {@code tfdt}, or {@code null} to leave it out
     */
    record Fragment(Long decodeTime, Base base, List<Run> runs) {
    }

    private FragmentWriter() {
    }

    /** {@code file} followed by the fragment. */
    static byte[] append(byte[] file, Fragment fragment) {
        long moofStart = file.length;
        int moofSize = moof(fragment, 0, 0, 0).length;
        long dataStart = moofStart + moofSize + 8;
        byte[] moof = moof(fragment, moofStart, dataStart, moofSize);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Run run : fragment.runs()) {
            run.samples().forEach(data::writeBytes);
        }
        return concat(file, moof, box("mdat", data.toByteArray()));
    }

    /** The movie extends box announcing track 1 with the given default duration and sample flags. */
    static byte[] mvex(long defaultDuration, int defaultFlags) {
        return box("mvex", MovieBuilder.fullBox("trex", u32(1, 1, defaultDuration, 0, defaultFlags & 0xFFFF_FFFFL)));
    }

    private static byte[] moof(Fragment fragment, long moofStart, long dataStart, int moofSize) {
        int tfhdFlags = switch (fragment.base()) {
            case IMPLICIT -> 0;
            case EXPLICIT -> 0x1;
            case MOOF -> 0x2_0000;
        };
        long base = switch (fragment.base()) {
            case IMPLICIT, MOOF -> moofStart;
            case EXPLICIT -> dataStart;
        };
        byte[] tfhd = box("tfhd", u32(tfhdFlags, 1), fragment.base() == Base.EXPLICIT ? u64(base) : new byte[0]);
        byte[] tfdt = fragment.decodeTime() == null ? new byte[0]
                : box("tfdt", u32(0x0100_0000L), u64(fragment.decodeTime()));
        ByteArrayOutputStream runs = new ByteArrayOutputStream();
        long at = dataStart;
        for (Run run : fragment.runs()) {
            runs.writeBytes(trun(run, at - base));
            at += run.samples().stream().mapToInt(s -> s.length).sum();
        }
        return box("moof", MovieBuilder.fullBox("mfhd", u32(1)), box("traf", tfhd, tfdt, runs.toByteArray()));
    }

    private static byte[] trun(Run run, long dataOffset) {
        int flags = (run.dataOffset() ? 0x1 : 0) | (run.firstFlags() != null ? 0x4 : 0)
                | (run.durations() != null ? 0x100 : 0) | 0x200 | (run.flags() != null ? 0x400 : 0)
                | (run.compositionOffsets() != null ? 0x800 : 0);
        int version = run.compositionOffsets() != null ? 1 : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(u32((long) version << 24 | flags, run.samples().size()));
        if (run.dataOffset()) {
            out.writeBytes(u32(dataOffset & 0xFFFF_FFFFL));
        }
        if (run.firstFlags() != null) {
            out.writeBytes(u32(run.firstFlags() & 0xFFFF_FFFFL));
        }
        for (int i = 0; i < run.samples().size(); i++) {
            if (run.durations() != null) {
                out.writeBytes(u32(run.durations()[i]));
            }
            out.writeBytes(u32(run.samples().get(i).length));
            if (run.flags() != null) {
                out.writeBytes(u32(run.flags()[i] & 0xFFFF_FFFFL));
            }
            if (run.compositionOffsets() != null) {
                out.writeBytes(u32(run.compositionOffsets()[i] & 0xFFFF_FFFFL));
            }
        }
        return box("trun", out.toByteArray());
    }
}
