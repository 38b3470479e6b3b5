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

    /**
     * This frame with {@code transform} applied to every packet (SRTP protection with a key
     * its readers share), made by the first reader that asks and shared by the others: one
     * transformation per packet, not per reader. {@code key} identifies the transformation
     * (equal keys, equal results); a frame keeps few of them.
     */
    RtpFrame transformed(Object key, PacketTransform transform);

    /** This frame with {@code transform} applied to every packet, made for one reader only (not kept). */
    RtpFrame transform(PacketTransform transform);
}
