package io.tributary.transports.multicast.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tributary.api.transport.MediaTransport;
import io.tributary.api.transport.TransportBinding;
import io.tributary.api.transport.TransportContext;
import io.tributary.api.transport.TransportPolicy;
import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.header.PortRange;
import io.tributary.rtsp.header.TransportSpec;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RTP/AVP over multicast UDP (RFC 2326 §12.39 {@code multicast}, {@code destination},
 * {@code port}, {@code ttl}): a live path's track goes once to a group that all its readers
 * receive, whatever their number. The server picks the group (a client may not aim media at an
 * address) from the configured ranges, and sends from an ephemeral port, so that readers on
 * this host can bind the group's ports too.
 *
 * <p>Registers itself, as the transport of {@value #PROFILE_KEY} and as the transport policy
 * that keeps multicast to the configured paths and other transports off multicast-only paths,
 * only when enabled and configured well: off, or with a bad setting (one ERROR naming it),
 * multicast SETUPs get 461 and no path is multicast-only. A changed configuration replaces
 * the component; the engine ends the sessions bound through the old one.
 */
@Component(configurationPid = MulticastConfig.PID, service = {})
@Designate(ocd = MulticastConfig.class)
public final class MulticastTransport implements MediaTransport, TransportPolicy {
    /** The profile key the engine sends multicast SETUPs to. */
    static final String PROFILE_KEY = "RTP/AVP/UDP;multicast";
    private static final Logger LOG = LoggerFactory.getLogger(MulticastTransport.class);
    /** Queued datagrams point into frames all readers share; bounded by the sender's datagram count too. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(16 << 20, 64 << 20);

    private final MulticastSettings settings;
    private final EventLoopGroup loop;
    private final Channel[] senders;
    private final MulticastGroups groups;
    private final ServiceRegistration<?> registration;
    private final AtomicLong sendFailures = new AtomicLong();

    @Activate
    public MulticastTransport(BundleContext context, MulticastConfig config) {
        MulticastSettings parsed = null;
        NetworkInterface via = null;
        if (!config.enabled()) {
            LOG.info("RTP multicast is off (enabled = false in {})", MulticastConfig.PID);
        } else {
            try {
                parsed = MulticastSettings.of(config);
                via = parsed.via().isEmpty() ? null : networkInterface(parsed.via());
            } catch (IllegalArgumentException e) {
                LOG.error("RTP multicast is off: {} (configuration {})", e.getMessage(), MulticastConfig.PID);
                parsed = null;
            }
        }
        if (parsed == null) {
            settings = null;
            loop = null;
            senders = new Channel[0];
            groups = null;
            registration = null;
            return;
        }
        settings = parsed;
        loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("tributary-multicast"),
                NioIoHandler.newFactory());
        Channel ipv4;
        try {
            ipv4 = sender(SocketProtocolFamily.INET, parsed.ttl(), via);
        } catch (RuntimeException e) {
            LOG.error("RTP multicast is off: cannot open an IPv4 socket: {}", e.toString());
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            senders = new Channel[0];
            groups = null;
            registration = null;
            return;
        }
        Channel ipv6 = null;
        try {
            ipv6 = sender(SocketProtocolFamily.INET6, parsed.ttl(), via);
        } catch (RuntimeException e) {
            LOG.info("RTP multicast to IPv6 clients is off: cannot open an IPv6 socket: {}", e.toString());
        }
        senders = ipv6 == null ? new Channel[] {ipv4} : new Channel[] {ipv4, ipv6};
        GroupAllocator ipv4Groups = new GroupAllocator(parsed.ipv4(), parsed.ports());
        groups = new MulticastGroups(loop,
                new MulticastGroups.Family(new GroupSender(ipv4), ipv4Groups),
                ipv6 == null ? null
                        : new MulticastGroups.Family(new GroupSender(ipv6), ipv4Groups.sharingPorts(parsed.ipv6())),
                parsed.ttl(), via);
        LOG.info("RTP multicast on {}{}, ports {}, ttl {}, {}", parsed.ipv4(), ipv6 == null ? "" : " and " + parsed.ipv6(),
                parsed.ports(), parsed.ttl(), via == null ? "interfaces as routed" : "interface " + via.getName());
        registration = context.registerService(new String[] {MediaTransport.class.getName(),
                TransportPolicy.class.getName()}, this, properties());
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping: the framework unregistered it already
            }
        }
        if (groups != null) {
            groups.stopAll();
        }
        for (Channel sender : senders) {
            sender.close();
        }
        if (loop != null) {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Override
    public String refusal(String path, TransportSpec spec, boolean live) {
        return settings.rules().refusal(path, spec, live);
    }

    @Override
    public CompletionStage<TransportBinding> bind(TransportSpec requested, TransportContext context) {
        try {
            return CompletableFuture.completedFuture(bindNow(requested, context));
        } catch (RtspException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private TransportBinding bindNow(TransportSpec requested, TransportContext context) {
        checkRequest(requested);
        String refused = settings.rules().multicastRefusal(context.path(), context.sharedStream());
        if (refused != null) {
            throw new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT, refused);
        }
        boolean ipv6 = context.remoteAddress().getAddress() instanceof Inet6Address;
        GroupKey key = new GroupKey(ipv6, context.path(), context.track(),
                context.sharedStream() ? null : context.sessionId());
        int ttl = settings.ttl();
        long ssrc = context.ssrc();
        return groups.join(key, context, group -> reply(requested, group, ttl, ssrc));
    }

    /**
     * What a client may not ask of multicast: to publish, or to have media sent to an address
     * that is not a multicast group (another host, or its own, as a unicast reader would). A
     * group address or port it asks for is not refused but not followed either: the server
     * picks the group, so that no client decides where the server's traffic goes.
     *
     * @throws RtspException 461
     */
    static void checkRequest(TransportSpec requested) {
        if (requested.isRecord()) {
            throw new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT,
                    "publishing over multicast is not supported: publish over RTP/AVP/TCP or unicast UDP");
        }
        String destination = requested.destination();
        if (destination != null && !isMulticastLiteral(destination)) {
            throw new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT, "multicast media goes to a group the server"
                    + " picks, not to destination=" + destination);
        }
    }

    /**
     * The SETUP answer: {@code RTP/AVP;multicast;destination=<group>;port=<p>-<p+1>;ttl=<ttl>;ssrc=…}.
     * The ttl is the group's, the same for every reader: a client asking for another gets it.
     */
    static TransportSpec reply(TransportSpec requested, GroupAddress group, int ttl, long ssrc) {
        return new TransportSpec(requested.profile(), LowerTransport.UDP, true, group.literal(), null, null, null,
                PortRange.pair(group.port()), null, ttl, String.format("%08X", ssrc), requested.mode(), Map.of());
    }

    /** Only an IP literal counts (a host name would need a DNS lookup on an event loop). */
    private static boolean isMulticastLiteral(String destination) {
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(destination);
        if (literal == null) {
            return false;
        }
        try {
            return InetAddress.getByAddress(literal).isMulticastAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static NetworkInterface networkInterface(String name) {
        try {
            NetworkInterface found = NetworkInterface.getByName(name);
            if (found == null) {
                throw new IllegalArgumentException("interface: there is no network interface named " + name);
            }
            if (!found.supportsMulticast()) {
                LOG.warn("network interface {} does not say it supports multicast", name);
            }
            return found;
        } catch (SocketException e) {
            throw new IllegalArgumentException("interface: cannot read network interface " + name + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The socket all groups of a family send from: an ephemeral port (the groups' own ports stay
     * free for local readers), multicast loopback on (readers on this host receive too).
     */
    private Channel sender(SocketProtocolFamily family, int ttl, NetworkInterface via) {
        Bootstrap bootstrap = new Bootstrap().group(loop)
                .channelFactory(() -> new NioDatagramChannel(family))
                .option(ChannelOption.IP_MULTICAST_TTL, ttl)
                .option(ChannelOption.IP_MULTICAST_LOOP_DISABLED, false)
                .option(ChannelOption.SO_SNDBUF, 4 << 20)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(new SendFailures());
        if (via != null) {
            bootstrap.option(ChannelOption.IP_MULTICAST_IF, via);
        }
        InetAddress any;
        try {
            any = InetAddress.getByAddress(new byte[family == SocketProtocolFamily.INET ? 4 : 16]);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
        return bootstrap.bind(new InetSocketAddress(any, 0)).syncUninterruptibly().channel();
    }

    private static Dictionary<String, Object> properties() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(MediaTransport.PROFILE, PROFILE_KEY);
        properties.put(Constants.SERVICE_DESCRIPTION, "RTP/AVP over multicast UDP, and which paths may or must use it");
        return properties;
    }

    /** Failed sends (writes use the void promise, so errors reach the pipeline): counted, logged sparsely. */
    private final class SendFailures extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (sendFailures.getAndIncrement() % 10_000 == 0) {
                LOG.warn("multicast send failed ({} so far): {}", sendFailures.get(), cause.toString());
            }
        }
    }
}
