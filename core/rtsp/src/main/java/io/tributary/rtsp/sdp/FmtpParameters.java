package io.tributary.rtsp.sdp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code name=value} parameters of an {@code a=fmtp} value (RFC 4566 §6), as senders
 * really write them: names in any case, blanks around {@code ;} and {@code =} (ffmpeg writes
 * {@code "; "}), empty entries from a trailing {@code ;}. The first of repeated names wins.
 * A name without {@code =} has the empty value; a value keeps any {@code =} after the first
 * (base64 padding). Immutable; never throws on a malformed value.
 */
public final class FmtpParameters {
    private final Map<String, String> values;

    private FmtpParameters(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses the value after {@code a=fmtp:<pt> }.
     *
     * @param fmtp the parameters, {@code null} or empty meaning none
     * @return the parameters, never {@code null}
     */
    public static FmtpParameters parse(String fmtp) {
        Map<String, String> values = new LinkedHashMap<>();
        if (fmtp != null) {
            for (String entry : fmtp.split(";")) {
                int equals = entry.indexOf('=');
                String name = (equals < 0 ? entry : entry.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    values.putIfAbsent(name, equals < 0 ? "" : entry.substring(equals + 1).strip());
                }
            }
        }
        return new FmtpParameters(values);
    }

    /**
     * The value of a parameter.
     *
     * @param name the parameter's name, in any case
     * @return its value with the blanks around it removed, {@code null} when absent
     */
    public String get(String name) {
        return values.get(name.toLowerCase(Locale.ROOT));
    }
}
