package io.tributary.api.transport;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The RTP packets of one access unit, complete with their headers and laid out back to back
 * in one read-only buffer: of a live stream, shared by every reader; of a file, one session's.
 * Transports send from it without copying: a gathering write per reader over TCP, or
 * segmented datagrams over UDP.
 *
 * <p>The memory comes from the server's pool and is reference-counted. A frame handed to a
 * {@link TrackSink} is valid during the call; a sink whose write outlives the call (queued for a
 * socket) calls {@link #retain()} before the call returns and {@link #release()} once the write
 * is done or failed. Buffers taken from the frame are valid exactly as long as the frame.
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
     * (equal keys, equal results); a frame keeps few of them. The result is valid as long as this
     * frame; retain it to keep it longer.
     */
    RtpFrame transformed(Object key, PacketTransform transform);

    /**
     * This frame with {@code transform} applied to every packet, made for one reader only (not
     * kept): the caller owns it and must {@link #release()} it when done.
     */
    RtpFrame transform(PacketTransform transform);

    /** Keeps this frame's memory valid beyond the call it was handed over in, until a matching {@link #release()}. */
    RtpFrame retain();

    /** Ends one use ({@link #retain()}, or owning a {@link #transform} result); the memory returns to the pool after the last. */
    void release();
}
