package io.tributary.engine.handler;

/** The dynamic RTP payload type of a track: 96 + its index, the same in SDP and in packets. */
public final class SdpPayloadTypes {
    private static final int FIRST_DYNAMIC = 96;

    private SdpPayloadTypes() {
    }

    public static int of(int track) {
        return FIRST_DYNAMIC + track;
    }
}
