package io.tributary.transports.multicast.internal;

import io.netty.channel.EventLoopGroup;
import io.tributary.api.transport.TransportContext;
import io.tributary.rtsp.header.TransportSpec;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The groups in use, by what they carry: a reader joins the group of its path and track (made
 * on the first reader, with an address of its own), and the group stops and its address is
 * free again when the last reader's binding closes. Thread-safe.
 */
final class MulticastGroups {
    /** One address family's sending socket and addresses. */
    record Family(GroupSender sender, GroupAllocator allocator) {
    }

    private record Active(MulticastGroup group, RtcpListener listener) {
    }

    private final EventLoopGroup loop;
    private final Family ipv4;
    private final Family ipv6;
    private final int ttl;
    private final NetworkInterface via;
    private final Map<GroupKey, Active> active = new HashMap<>();

    /**
     * @param ipv6 null when this host cannot send IPv6 multicast
     * @param via  the configured interface, or null for the routing table's choice
     */
    MulticastGroups(EventLoopGroup loop, Family ipv4, Family ipv6, int ttl, NetworkInterface via) {
        this.loop = loop;
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
        this.ttl = ttl;
        this.via = via;
    }

    /**
     * Binds a reader to the group of {@code key}, making the group if it is the first.
     *
     * @param reply the SETUP reply for the group's address
     * @throws RtspException 453 when every group is in use, 461 for IPv6 on a host without it
     */
    synchronized MulticastBinding join(GroupKey key, TransportContext context,
                                       Function<GroupAddress, TransportSpec> reply) {
        Active entry = active.get(key);
        if (entry == null) {
            Family family = key.ipv6() ? ipv6 : ipv4;
            if (family == null) {
                throw new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT,
                        "multicast to IPv6 clients is not available on this server");
            }
            GroupAddress address = family.allocator().allocate();
            MulticastGroup group = new MulticastGroup(key, address, address.rtp(), address.rtcp(), family.sender(),
                    ttl, System::nanoTime);
            entry = new Active(group, RtcpListener.open(loop, group, via));
            active.put(key, entry);
        }
        MulticastGroup group = entry.group();
        MulticastBinding binding = new MulticastBinding(reply.apply(group.address()), group, context, this::leave);
        group.add(binding);
        return binding;
    }

    /** A reader's binding closed: the last one stops its group. */
    private synchronized void leave(MulticastBinding binding) {
        MulticastGroup group = binding.group();
        if (!group.remove(binding)) {
            return;
        }
        Active entry = active.get(group.key());
        if (entry != null && entry.group() == group) {
            active.remove(group.key());
            stop(entry);
        }
    }

    /** Stops every group (the transport is going away; the engine ends the sessions). */
    synchronized void stopAll() {
        List<Active> all = new ArrayList<>(active.values());
        active.clear();
        all.forEach(this::stop);
    }

    /** Groups in use now. */
    synchronized int size() {
        return active.size();
    }

    private void stop(Active entry) {
        MulticastGroup group = entry.group();
        group.stop();
        entry.listener().close();
        (group.key().ipv6() ? ipv6 : ipv4).allocator().free(group.address());
    }
}
