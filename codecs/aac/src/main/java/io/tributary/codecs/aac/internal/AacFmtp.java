package io.tributary.codecs.aac.internal;

import io.tributary.rtsp.sdp.FmtpParameters;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * Reads the {@code a=fmtp} parameters of a received MPEG4-GENERIC track (RFC 3640 §4.1) into
 * its AudioSpecificConfig, refusing streams the depacketizer would misread: it gets no fmtp
 * (only the track), so it assumes the AU-header layout of {@link AacHbr}, and the fmtp must
 * announce exactly that.
 */
final class AacFmtp {
    static final String MODE = "mode";
    static final String CONFIG = "config";
    static final String SIZE_LENGTH = "sizelength";
    static final String INDEX_LENGTH = "indexlength";
    static final String INDEX_DELTA_LENGTH = "indexdeltalength";
    static final String MAX_DISPLACEMENT = "maxdisplacement";
    private static final String AAC_HBR = "AAC-hbr";
    /** AU-header fields AAC-hbr leaves out (RFC 3640 §3.3.6); present, they would shift every header. */
    private static final String[] ABSENT_FIELDS = {
        "ctsdeltalength", "dtsdeltalength", "randomaccessindication", "streamstateindication",
        "auxiliarydatasizelength"
    };
    /** Longest value quoted in an error message: it comes from the network. */
    private static final int QUOTE_LIMIT = 24;

    private AacFmtp() {
    }

    /**
     * The AudioSpecificConfig of {@code config}, checked to parse.
     *
     * @throws IllegalArgumentException when the mode is not AAC-hbr, a header field length differs
     *                                  from AAC-hbr's, units are interleaved, or the config is
     *                                  missing, not hex or not a usable AudioSpecificConfig (AAC
     *                                  cannot be decoded without it)
     */
    static ByteBuffer audioSpecificConfig(String fmtp) {
        FmtpParameters parameters = FmtpParameters.parse(fmtp);
        checkMode(parameters.get(MODE));
        checkLength(parameters, SIZE_LENGTH, AacHbr.SIZE_LENGTH);
        checkLength(parameters, INDEX_LENGTH, AacHbr.INDEX_LENGTH);
        checkLength(parameters, INDEX_DELTA_LENGTH, AacHbr.INDEX_DELTA_LENGTH);
        for (String field : ABSENT_FIELDS) {
            checkLength(parameters, field, 0);
        }
        checkNotInterleaved(parameters.get(MAX_DISPLACEMENT));
        return config(parameters.get(CONFIG));
    }

    private static void checkMode(String mode) {
        if (mode == null) {
            throw new IllegalArgumentException(MODE + " is missing, only " + AAC_HBR + " is supported");
        }
        if (!mode.equalsIgnoreCase(AAC_HBR)) {
            throw new IllegalArgumentException(MODE + "=" + quote(mode) + " is not supported, only " + AAC_HBR);
        }
    }

    /** The depacketizer keeps units in arrival order: it ignores AU-Index and AU-Index-delta. */
    private static void checkNotInterleaved(String maxDisplacement) {
        if (maxDisplacement != null && !maxDisplacement.equals("0")) {
            throw new IllegalArgumentException(MAX_DISPLACEMENT + "=" + quote(maxDisplacement)
                    + ": interleaving is not supported");
        }
    }

    /** A field length may be left out (its AAC-hbr value is then meant) but not differ. */
    private static void checkLength(FmtpParameters parameters, String name, int expected) {
        String value = parameters.get(name);
        if (value == null) {
            return;
        }
        int length;
        try {
            length = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + quote(value) + " is not a number", e);
        }
        if (length != expected) {
            throw new IllegalArgumentException(name + "=" + length + " is not supported, "
                    + AAC_HBR + " has " + expected);
        }
    }

    private static ByteBuffer config(String hex) {
        if (hex == null || hex.isEmpty()) {
            throw new IllegalArgumentException(CONFIG + " is missing: AAC cannot be decoded without its "
                    + "AudioSpecificConfig");
        }
        ByteBuffer config;
        try {
            config = ByteBuffer.wrap(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CONFIG + "=" + quote(hex) + " is not hex (" + e.getMessage() + ")", e);
        }
        try {
            AudioSpecificConfig.parse(config);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CONFIG + "=" + quote(hex) + ": " + e.getMessage(), e);
        }
        return config;
    }

    private static String quote(String value) {
        return value.length() > QUOTE_LIMIT ? value.substring(0, QUOTE_LIMIT) + "…" : value;
    }
}
