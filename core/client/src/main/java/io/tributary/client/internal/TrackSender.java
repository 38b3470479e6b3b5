package io.tributary.client.internal;

import java.nio.ByteBuffer;

/** Sends a set-up track's outgoing packets, whatever the transport. Callable from any thread. */
interface TrackSender {
    /** Copies the packet and queues it; false when it was dropped (connection gone or full). */
    boolean send(boolean rtcp, ByteBuffer packet);
}
