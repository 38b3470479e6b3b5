package io.tributary.transports.multicast.internal;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.BitSet;

/**
 * Hands out group addresses of one family: slot {@code i} is the {@code i}-th address of the
 * range with the {@code i}-th port pair, so no two groups in use share an address or a port
 * (a receiver that binds the port on the wildcard address, as old players do, still gets only
 * its group). The lowest free slot goes first, so a slot is used again soon after it is freed.
 * Thread-safe.
 */
final class GroupAllocator {
    private final GroupRange range;
    private final PortPairs ports;
    private final int capacity;
    private final BitSet used = new BitSet();

    GroupAllocator(GroupRange range, PortPairs ports) {
        this.range = range;
        this.ports = ports;
        this.capacity = Math.min(range.size(), ports.count());
    }

    /** @throws RtspException 453 Not Enough Bandwidth when every group is in use */
    synchronized GroupAddress allocate() {
        int slot = used.nextClearBit(0);
        if (slot >= capacity) {
            throw new RtspException(RtspStatus.NOT_ENOUGH_BANDWIDTH, "all " + capacity + " multicast groups ("
                    + range + ", ports " + ports + ") are in use");
        }
        used.set(slot);
        return new GroupAddress(slot, range.address(slot), ports.rtpPort(slot));
    }

    synchronized void free(GroupAddress group) {
        used.clear(group.slot());
    }

    synchronized int inUse() {
        return used.cardinality();
    }

    int capacity() {
        return capacity;
    }

    GroupRange range() {
        return range;
    }
}
