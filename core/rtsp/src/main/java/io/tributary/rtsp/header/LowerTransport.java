package io.tributary.rtsp.header;

/** The lower transport of an RTP transport spec ({@code RTP/AVP/UDP}, {@code RTP/AVP/TCP}). */
public enum LowerTransport {
    UDP,
    TCP
}
