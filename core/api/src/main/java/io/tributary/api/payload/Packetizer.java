package io.tributary.api.payload;

import io.tributary.api.media.AccessUnit;
import java.nio.ByteBuffer;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Cuts access units into RTP payloads (without RTP headers: sequence numbers, timestamps
 * and SSRC belong to each session's timeline, so that one packetization can be shared by
 * every session at the same position).
 *
 * <p>The payloads must depend on the unit alone, never on the units packetized before it: a
 * file's samples are packetized once each, as sessions reach them, out of order and on several
 * threads, and the result is shared. Counters such as a VP8 picture ID cannot be kept here.
 */
@ConsumerType
public interface Packetizer {
    /**
     * The RTP payloads of one access unit, in sending order, each at most the
     * {@code maxPayloadSize} given at creation. The RTP marker bit is set on the last one
     * when {@link #markerOnLast()} is true. The buffers are read-only and may be shared.
     */
    List<ByteBuffer> packetize(AccessUnit unit);

    /** {@code true} when the last packet of an access unit carries the marker bit (video). */
    boolean markerOnLast();
}
