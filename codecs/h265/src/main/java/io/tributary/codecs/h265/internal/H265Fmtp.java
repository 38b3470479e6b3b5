package io.tributary.codecs.h265.internal;

import io.tributary.rtsp.sdp.FmtpParameters;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The H.265 fmtp parameters Tributary reads and writes (RFC 7798 §7.1). */
final class H265Fmtp {
    static final String SPROP_VPS = "sprop-vps";
    static final String SPROP_SPS = "sprop-sps";
    static final String SPROP_PPS = "sprop-pps";
    static final String SPROP_MAX_DON_DIFF = "sprop-max-don-diff";
    /** Longest value quoted in an error message: it comes from the network. */
    private static final int QUOTE_LIMIT = 24;

    private H265Fmtp() {
    }

    /**
     * The configuration of the parameter sets in the fmtp, empty unless it has an SPS and a PPS
     * (the stream then carries them in band).
     *
     * @throws IllegalArgumentException when a {@code sprop-*} entry is not base64 or is not of
     *                                  its kind, or the stream uses DONL ({@code sprop-max-don-diff} > 0)
     */
    static Optional<HevcConfiguration> configuration(String fmtp) {
        FmtpParameters parameters = FmtpParameters.parse(fmtp);
        String donDiff = parameters.get(SPROP_MAX_DON_DIFF);
        if (donDiff != null && !donDiff.strip().equals("0")) {
            throw new IllegalArgumentException(SPROP_MAX_DON_DIFF + "=" + quote(donDiff)
                    + ": decoding order numbers (DONL) are not supported");
        }
        List<ByteBuffer> vps = nals(parameters.get(SPROP_VPS), SPROP_VPS, HevcNalUnitType.VPS);
        List<ByteBuffer> sps = nals(parameters.get(SPROP_SPS), SPROP_SPS, HevcNalUnitType.SPS);
        List<ByteBuffer> pps = nals(parameters.get(SPROP_PPS), SPROP_PPS, HevcNalUnitType.PPS);
        return sps.isEmpty() || pps.isEmpty() ? Optional.empty() : Optional.of(new HevcConfiguration(vps, sps, pps));
    }

    private static List<ByteBuffer> nals(String value, String name, int type) {
        List<ByteBuffer> nals = new ArrayList<>();
        if (value == null) {
            return nals;
        }
        String[] entries = value.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            byte[] nal;
            try {
                nal = Base64.getDecoder().decode(entry);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": entry " + i + " \"" + quote(entry) + "\" is not base64", e);
            }
            if (nal.length == 0) {
                continue; // a trailing comma
            }
            if (nal.length < 3 || HevcNalUnitType.of(nal[0]) != type || nal.length > 0xFFFF) {
                throw new IllegalArgumentException(name + ": entry " + i + " is not a NAL unit of type " + type
                        + " of 3 to 65535 bytes");
            }
            nals.add(ByteBuffer.wrap(nal));
        }
        return nals;
    }

    private static String quote(String value) {
        return value.length() > QUOTE_LIMIT ? value.substring(0, QUOTE_LIMIT) + "…" : value;
    }
}
