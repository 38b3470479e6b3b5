package io.tributary.client.internal;

import java.nio.ByteBuffer;

/** A track sent as {@code $}-framed data on the control connection (RTP/AVP/TCP). */
record InterleavedSender(ControlConnection control, int rtpChannel, int rtcpChannel) implements TrackSender {
    @Override
    public boolean send(boolean rtcp, ByteBuffer packet) {
        return control.writeInterleaved(rtcp ? rtcpChannel : rtpChannel, packet);
    }
}
