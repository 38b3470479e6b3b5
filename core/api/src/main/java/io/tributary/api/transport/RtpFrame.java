package io.tributary.api.transport;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The RTP packets of one access unit of a live stream, complete with their headers and
 * laid out back to back in one read-only buffer that every reader of the stream shares.
 * Transports send from it without copying: a gathering write per reader over TCP, or
 * segmented datagrams over UDP.
 */
@ProviderType
public interface RtpFrame {
    /** A fresh read-only view of all packets, from the first packet's start to the last packet's end. */
    ByteBuffer packets();

    int packetCount();

    /** Where packet {@code index} starts in {@link #packets()}. */
    int packetOffset(int index);

    /** The length of packet {@code index} in bytes. */
    int packetLength(int index);

    /**
     * All packets framed for an RTSP connection on interleaved {@code channel}
     * (RFC 2326 §10.12: {@code $}, channel, 16-bit length before each packet), read-only.
     * Made once per channel and shared by every reader using that channel.
     */
    ByteBuffer interleaved(int channel);
}
