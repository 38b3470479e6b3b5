package io.tributary.rtsp.message;

/** The protocol versions Tributary speaks on one port (RFC 2326 and RFC 7826). */
public enum RtspVersion {
    RTSP_1_0("RTSP/1.0"),
    RTSP_2_0("RTSP/2.0");

    private final String text;

    RtspVersion(String text) {
        this.text = text;
    }

    /** The version as it appears on the wire, e.g. {@code RTSP/1.0}. */
    public String text() {
        return text;
    }

    /** The version for {@code text} (exact, as the RFCs require), or null when unsupported. */
    public static RtspVersion of(String text) {
        if (RTSP_1_0.text.equals(text)) {
            return RTSP_1_0;
        }
        if (RTSP_2_0.text.equals(text)) {
            return RTSP_2_0;
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
