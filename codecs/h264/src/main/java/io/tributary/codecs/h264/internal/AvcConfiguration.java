package io.tributary.codecs.h264.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An {@code AVCDecoderConfigurationRecord} ({@code avcC}, ISO/IEC 14496-15 §5.3.3.1).
 * Trailing bytes after the picture parameter sets (the High-profile extension) are ignored.
 *
 * @param profile        {@code AVCProfileIndication}
 * @param compatibility  {@code profile_compatibility}
 * @param level          {@code AVCLevelIndication}
 * @param lengthSize     size in bytes of the NAL unit length prefix in samples (1, 2 or 4)
 * @param sps            sequence parameter set NAL units (read-only, never empty)
 * @param pps            picture parameter set NAL units (read-only, never empty)
 */
record AvcConfiguration(int profile, int compatibility, int level, int lengthSize,
                               List<ByteBuffer> sps, List<ByteBuffer> pps) {
    /** The record counts SPSs in 5 bits and PPSs in 8, and gives each a 16-bit length. */
    private static final int MAX_SPS = 31;
    private static final int MAX_PPS = 255;
    private static final int MAX_PARAMETER_SET_SIZE = 0xFFFF;
    /** Length size of the access units Tributary passes around (AVCC layout, 4-byte lengths). */
    private static final int ACCESS_UNIT_LENGTH_SIZE = 4;

    AvcConfiguration {
        sps = readOnly(sps, NalUnitType.SPS, 4, MAX_SPS);
        pps = readOnly(pps, NalUnitType.PPS, 1, MAX_PPS);
        if (lengthSize != 1 && lengthSize != 2 && lengthSize != 4) {
            throw new IllegalArgumentException("avcC: NAL unit length size " + lengthSize + " is not 1, 2 or 4");
        }
    }

    /**
     * Parses an {@code avcC} record from the buffer's remaining bytes (the buffer's position is
     * not changed).
     *
     * @throws IllegalArgumentException when the record is truncated or inconsistent
     */
    static AvcConfiguration parse(ByteBuffer avcC) {
        ByteBuffer in = avcC.duplicate();
        if (in.remaining() < 7) {
            throw new IllegalArgumentException("avcC: " + in.remaining() + " bytes, a record has at least 7");
        }
        int version = in.get() & 0xFF;
        if (version != 1) {
            throw new IllegalArgumentException("avcC: configurationVersion " + version + ", expected 1");
        }
        int profile = in.get() & 0xFF;
        int compatibility = in.get() & 0xFF;
        int level = in.get() & 0xFF;
        int lengthSize = (in.get() & 0x03) + 1;
        List<ByteBuffer> sps = parameterSets(in, in.get() & 0x1F, "SPS");
        if (!in.hasRemaining()) {
            throw new IllegalArgumentException("avcC: truncated before the PPS count");
        }
        List<ByteBuffer> pps = parameterSets(in, in.get() & 0xFF, "PPS");
        return new AvcConfiguration(profile, compatibility, level, lengthSize, sps, pps);
    }

    /**
     * The configuration of received parameter sets (e.g. from {@code sprop-parameter-sets}):
     * profile, compatibility and level are those of the first SPS, which decoders go by, and
     * the length size is that of Tributary's access units.
     *
     * @throws IllegalArgumentException when a list is empty or too long, or holds something
     *                                  that is not an SPS (resp. PPS) of a possible size
     */
    static AvcConfiguration of(List<ByteBuffer> sps, List<ByteBuffer> pps) {
        ByteBuffer first = readOnly(sps, NalUnitType.SPS, 4, MAX_SPS).getFirst();
        return new AvcConfiguration(first.get(1) & 0xFF, first.get(2) & 0xFF, first.get(3) & 0xFF,
                ACCESS_UNIT_LENGTH_SIZE, sps, pps);
    }

    /**
     * The {@code avcC} record. For High profiles (100 and up) ISO/IEC 14496-15 adds an extension
     * (chroma format, bit depths, SPS extensions) that needs a parsed SPS: it is not written, and
     * {@link #parse} does not read it, so what is written here is whole for Tributary's own use.
     */
    ByteBuffer record() {
        int size = 7;
        for (ByteBuffer nal : parameterSets()) {
            size += 2 + nal.remaining();
        }
        ByteBuffer out = ByteBuffer.allocate(size)
                .put((byte) 1)
                .put((byte) profile)
                .put((byte) compatibility)
                .put((byte) level)
                .put((byte) (0xFC | (lengthSize - 1)))
                .put((byte) (0xE0 | sps.size()));
        sps.forEach(nal -> putParameterSet(out, nal));
        out.put((byte) pps.size());
        pps.forEach(nal -> putParameterSet(out, nal));
        return out.flip();
    }

    /** {@code profile-level-id} (RFC 6184 §8.1): bytes 1..3 of the first SPS in upper-case hex. */
    String profileLevelId() {
        ByteBuffer first = sps.getFirst();
        return HexFormat.of().withUpperCase().formatHex(new byte[] {first.get(1), first.get(2), first.get(3)});
    }

    /** {@code sprop-parameter-sets} (RFC 6184 §8.1): every SPS then every PPS, base64, comma-separated. */
    String spropParameterSets() {
        return Stream.concat(sps.stream(), pps.stream())
                .map(nal -> Base64.getEncoder().encodeToString(bytes(view(nal))))
                .collect(Collectors.joining(","));
    }

    /** The SPS then the PPS NAL units, as read-only views, in the order a decoder needs them. */
    List<ByteBuffer> parameterSets() {
        return Stream.concat(sps.stream(), pps.stream()).map(AvcConfiguration::view).toList();
    }

    private static List<ByteBuffer> parameterSets(ByteBuffer in, int count, String kind) {
        List<ByteBuffer> sets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (in.remaining() < 2) {
                throw new IllegalArgumentException("avcC: truncated in the length of " + kind + " " + i);
            }
            int length = in.getShort() & 0xFFFF;
            if (length > in.remaining()) {
                throw new IllegalArgumentException("avcC: " + kind + " " + i + " has " + length
                        + " bytes but only " + in.remaining() + " remain");
            }
            sets.add(in.slice(in.position(), length));
            in.position(in.position() + length);
        }
        return sets;
    }

    private static void putParameterSet(ByteBuffer out, ByteBuffer nal) {
        ByteBuffer whole = view(nal);
        out.putShort((short) whole.remaining()).put(whole);
    }

    private static List<ByteBuffer> readOnly(List<ByteBuffer> nals, int type, int minLength, int maxCount) {
        if (nals.isEmpty()) {
            throw new IllegalArgumentException("avcC: no " + name(type));
        }
        if (nals.size() > maxCount) {
            throw new IllegalArgumentException("avcC: " + nals.size() + " " + name(type) + "s, at most "
                    + maxCount + " fit in the record");
        }
        for (ByteBuffer nal : nals) {
            if (nal.remaining() < minLength || NalUnitType.of(nal.get(nal.position())) != type) {
                throw new IllegalArgumentException("avcC: a " + name(type) + " entry is not a " + name(type)
                        + " NAL unit of at least " + minLength + " bytes");
            }
            if (nal.remaining() > MAX_PARAMETER_SET_SIZE) {
                throw new IllegalArgumentException("avcC: a " + name(type) + " of " + nal.remaining()
                        + " bytes exceeds the " + MAX_PARAMETER_SET_SIZE + " a record can hold");
            }
        }
        return nals.stream().map(nal -> nal.slice().asReadOnlyBuffer()).toList();
    }

    private static String name(int type) {
        return type == NalUnitType.SPS ? "SPS" : "PPS";
    }

    /** The whole NAL unit, whatever a reader did to the stored buffer's position. */
    private static ByteBuffer view(ByteBuffer nal) {
        return nal.slice(0, nal.capacity());
    }

    private static byte[] bytes(ByteBuffer nal) {
        byte[] out = new byte[nal.remaining()];
        nal.get(out);
        return out;
    }
}
