package io.tributary.codecs.h264.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code sprop-parameter-sets} (RFC 6184 §8.1): NAL units in base64, comma-separated.
 * Senders differ in details this tolerates: padding left out, blanks around entries, an empty
 * entry after a trailing comma, and NAL units other than SPS and PPS (SPS extensions, SEI), which
 * are skipped since an {@code avcC} record has no place for them.
 */
final class SpropParameterSets {
    /** Longest entry quoted in an error message: the value comes from the network. */
    private static final int QUOTE_LIMIT = 24;

    private SpropParameterSets() {
    }

    /**
     * The configuration of the parameter sets, empty when they lack an SPS or a PPS: a stream
     * announced that way carries its parameter sets in band, as one without the parameter would.
     *
     * @throws IllegalArgumentException when an entry is not base64, or an SPS or PPS is too short
     *                                  or too large for an {@code avcC} record
     */
    static Optional<AvcConfiguration> parse(String value) {
        List<ByteBuffer> sps = new ArrayList<>();
        List<ByteBuffer> pps = new ArrayList<>();
        String[] entries = value.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            byte[] nal = decode(entries[i].strip(), i);
            if (nal.length == 0) {
                continue;
            }
            switch (NalUnitType.of(nal[0])) {
                case NalUnitType.SPS -> sps.add(ByteBuffer.wrap(nal));
                case NalUnitType.PPS -> pps.add(ByteBuffer.wrap(nal));
                default -> { }
            }
        }
        if (sps.isEmpty() || pps.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AvcConfiguration.of(sps, pps));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sprop-parameter-sets: " + e.getMessage(), e);
        }
    }

    private static byte[] decode(String entry, int index) {
        try {
            return Base64.getDecoder().decode(entry);
        } catch (IllegalArgumentException e) {
            String quoted = entry.length() > QUOTE_LIMIT ? entry.substring(0, QUOTE_LIMIT) + "…" : entry;
            throw new IllegalArgumentException("sprop-parameter-sets: entry " + index + " \"" + quoted
                    + "\" is not base64 (" + e.getMessage() + ")", e);
        }
    }
}
