package io.tributary.transports.udp.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which binding a packet arriving at the server ports belongs to, by its source address.
 *
 * <p>A client behind NAT announces its local {@code client_port}s, but its packets arrive from
 * the ports its NAT chose. Players send a few packets first for exactly this reason ("hole
 * punching"): a packet from an unknown port of a host that has bindings not yet heard from
 * on that socket is taken as theirs, oldest SETUP first (clients set up and punch tracks in
 * order), and media then goes to that address. Only the host of the RTSP connection can be
 * learned this way, so no one can divert media to a third party; and only in the first
 * seconds after SETUP, when hole punches come, so that stray packets of an ended session
 * from the same host cannot take a reader's media later.
 */
final class ClientAddresses {
    private static final Logger LOG = LoggerFactory.getLogger(ClientAddresses.class);
    static final long LEARNING_WINDOW_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private final Map<InetSocketAddress, UdpBinding> byRtp = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, UdpBinding> byRtcp = new ConcurrentHashMap<>();
    /** Bindings not yet heard from, per socket and host, in SETUP order. */
    private final Map<InetAddress, List<UdpBinding>> silentRtp = new HashMap<>();
    private final Map<InetAddress, List<UdpBinding>> silentRtcp = new HashMap<>();

    synchronized void add(UdpBinding binding) {
        byRtp.put(binding.target(true), binding);
        byRtcp.put(binding.target(false), binding);
        silentRtp.computeIfAbsent(binding.host(), h -> new ArrayList<>()).add(binding);
        silentRtcp.computeIfAbsent(binding.host(), h -> new ArrayList<>()).add(binding);
    }

    synchronized void remove(UdpBinding binding) {
        byRtp.remove(binding.target(true), binding);
        byRtcp.remove(binding.target(false), binding);
        heard(silentRtp, binding);
        heard(silentRtcp, binding);
    }

    /** The binding a packet from {@code sender} to the RTP ({@code rtp}) or RTCP socket belongs to, or null. */
    UdpBinding find(boolean rtp, InetSocketAddress sender) {
        UdpBinding known = (rtp ? byRtp : byRtcp).get(sender);
        if (known != null) {
            if (!known.heard(rtp)) {
                synchronized (this) {
                    known.markHeard(rtp);
                    heard(rtp ? silentRtp : silentRtcp, known);
                }
            }
            return known;
        }
        return learn(rtp, sender);
    }

    private synchronized UdpBinding learn(boolean rtp, InetSocketAddress sender) {
        List<UdpBinding> silent = (rtp ? silentRtp : silentRtcp).get(sender.getAddress());
        if (silent == null) {
            return null;
        }
        long now = System.nanoTime();
        silent.removeIf(b -> now - b.createdNanos() > LEARNING_WINDOW_NANOS);
        if (silent.isEmpty()) {
            (rtp ? silentRtp : silentRtcp).remove(sender.getAddress());
            return null;
        }
        UdpBinding binding = silent.get(0);
        Map<InetSocketAddress, UdpBinding> index = rtp ? byRtp : byRtcp;
        InetSocketAddress announced = binding.target(rtp);
        index.remove(announced, binding);
        binding.retarget(rtp, sender);
        binding.markHeard(rtp);
        index.put(sender, binding);
        heard(rtp ? silentRtp : silentRtcp, binding);
        LOG.info("{} {} comes from {} instead of the announced {} (NAT): sending there", binding.label(),
                rtp ? "RTP" : "RTCP", sender, announced);
        return binding;
    }

    private static void heard(Map<InetAddress, List<UdpBinding>> silent, UdpBinding binding) {
        List<UdpBinding> list = silent.get(binding.host());
        if (list != null) {
            list.remove(binding);
            if (list.isEmpty()) {
                silent.remove(binding.host());
            }
        }
    }
}
