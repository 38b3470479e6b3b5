package io.tributary.transports.multicast.internal;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.BitSet;

/**
 * Hands out group addresses of one family: slot {@code i} is the {@code i}-th address of the
 * range with the {@code i}-th port pair, so no two groups in use share an address or a port
 * (a receiver that binds the port on the wildcard address, as old players do, still gets only
 * its group). The lowest free slot goes first, so a slot is used again soon after it is freed.
 * The other family's allocator ({@link #sharingPorts}) takes its slots from the same pool: a
 * dual-stack socket bound to a port on the wildcard address receives that port's IPv4 and IPv6
 * groups alike. Thread-safe.
 */
final class GroupAllocator {
    private final GroupRange range;
    private final PortPairs ports;
    private final int capacity;
    /** The slots in use, of this allocator and of those sharing its ports; also the lock. */
    private final BitSet used;

    GroupAllocator(GroupRange range, PortPairs ports) {
        this(range, ports, new BitSet());
    }

    private GroupAllocator(GroupRange range, PortPairs ports, BitSet used) {
        this.range = range;
        this.ports = ports;
        this.capacity = Math.min(range.size(), ports.count());
        this.used = used;
    }

    /** An allocator of {@code other} (the other family's range) whose groups never take a port pair in use here. */
    GroupAllocator sharingPorts(GroupRange other) {
        return new GroupAllocator(other, ports, used);
    }

    /** @throws RtspException 453 Not Enough Bandwidth when every group is in use */
    GroupAddress allocate() {
        synchronized (used) {
            int slot = used.nextClearBit(0);
            if (slot >= capacity) {
                throw new RtspException(RtspStatus.NOT_ENOUGH_BANDWIDTH, "all " + capacity + " multicast groups ("
                        + range + ", ports " + ports + ") are in use");
            }
            used.set(slot);
            return new GroupAddress(slot, range.address(slot), ports.rtpPort(slot));
        }
    }

    void free(GroupAddress group) {
        synchronized (used) {
            used.clear(group.slot());
        }
    }

    /** Groups in use, of both families when the ports are shared. */
    int inUse() {
        synchronized (used) {
            return used.cardinality();
        }
    }

    int capacity() {
        return capacity;
    }

    GroupRange range() {
        return range;
    }
}
