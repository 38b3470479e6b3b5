package io.tributary.transports.srtp.internal;

import io.tributary.rtsp.srtp.SrtpProfile;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@link SrtpConfig} checked once, at activation.
 *
 * @param perReaderKeys paths whose readers get keys of their own, or null for none
 */
record SrtpSettings(SrtpProfile profile, boolean sdes, Pattern perReaderKeys, boolean allowWithoutTls) {
    SrtpSettings {
        Objects.requireNonNull(profile, "profile");
    }

    /** The defaults: 80-bit tags, MIKEY only, shared stream keys, RTSPS only. */
    static SrtpSettings defaults() {
        return new SrtpSettings(SrtpProfile.AES_CM_128_HMAC_SHA1_80, false, null, false);
    }

    /** @throws IllegalArgumentException naming the setting that is wrong */
    static SrtpSettings of(SrtpConfig config) {
        SrtpProfile profile = SrtpProfile.bySdesName(config.suite().strip());
        if (profile == null) {
            throw new IllegalArgumentException("suite " + config.suite()
                    + " is not AES_CM_128_HMAC_SHA1_80 or AES_CM_128_HMAC_SHA1_32");
        }
        String paths = config.perReaderKeys().strip();
        Pattern perReader;
        try {
            perReader = paths.isEmpty() ? null : Pattern.compile(paths);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("perReaderKeys is not a regular expression: " + e.getDescription());
        }
        return new SrtpSettings(profile, config.sdes(), perReader, config.allowWithoutTls());
    }

    /** Whether the readers of {@code path} get keys of their own. */
    boolean perReader(String path) {
        return perReaderKeys != null && perReaderKeys.matcher(path).matches();
    }
}
