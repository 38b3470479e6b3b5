package io.tributary.api.media;

/** The SDP media type of a track ({@code m=video}, {@code m=audio}, …). */
public enum MediaType {
    VIDEO("video"),
    AUDIO("audio"),
    APPLICATION("application");

    private final String sdpName;

    MediaType(String sdpName) {
        this.sdpName = sdpName;
    }

    /** The name used on the SDP {@code m=} line. */
    public String sdpName() {
        return sdpName;
    }
}
