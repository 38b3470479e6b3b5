package io.tributary.codecs.h264.internal;

import io.tributary.rtsp.sdp.FmtpParameters;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads the {@code a=fmtp} parameters of a received H.264 track (RFC 6184 §8.1) into the
 * configuration Tributary keeps, refusing what its depacketizer cannot take.
 */
final class H264Fmtp {
    static final String PACKETIZATION_MODE = "packetization-mode";
    static final String PROFILE_LEVEL_ID = "profile-level-id";
    static final String SPROP_PARAMETER_SETS = "sprop-parameter-sets";

    private H264Fmtp() {
    }

    /**
     * The {@code avcC} of the parameter sets in the fmtp, empty when it has none (the stream
     * then carries them in band). {@code profile-level-id} is checked but not used: the SPS,
     * which decoders go by, says the same and more.
     *
     * @throws IllegalArgumentException on interleaved mode (2), a malformed
     *                                  {@code packetization-mode} or {@code profile-level-id}, or
     *                                  unusable {@code sprop-parameter-sets}
     */
    static Optional<AvcConfiguration> configuration(String fmtp) {
        FmtpParameters parameters = FmtpParameters.parse(fmtp);
        checkPacketizationMode(parameters.get(PACKETIZATION_MODE));
        checkProfileLevelId(parameters.get(PROFILE_LEVEL_ID));
        String sprop = parameters.get(SPROP_PARAMETER_SETS);
        return sprop == null ? Optional.empty() : SpropParameterSets.parse(sprop);
    }

    /** Modes 0 (single NAL units) and 1 (non-interleaved) are what the depacketizer reads. */
    private static void checkPacketizationMode(String mode) {
        if (mode == null || mode.equals("0") || mode.equals("1")) {
            return;
        }
        if (mode.equals("2")) {
            throw new IllegalArgumentException(PACKETIZATION_MODE + "=2 (interleaved) is not supported");
        }
        throw new IllegalArgumentException(PACKETIZATION_MODE + " \"" + quote(mode) + "\" is not 0, 1 or 2");
    }

    private static void checkProfileLevelId(String id) {
        if (id != null && (id.length() != 6 || !id.chars().allMatch(HexFormat::isHexDigit))) {
            throw new IllegalArgumentException(PROFILE_LEVEL_ID + " \"" + quote(id) + "\" is not 6 hex digits");
        }
    }

    /** A value from the network, cut short for an error message. */
    private static String quote(String value) {
        return value.length() > 16 ? value.substring(0, 16) + "…" : value;
    }
}
