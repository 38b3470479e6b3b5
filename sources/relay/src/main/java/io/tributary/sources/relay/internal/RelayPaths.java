package io.tributary.sources.relay.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.source.MediaSource;
import io.tributary.api.source.MediaSourceProvider;
import io.tributary.api.source.SourceStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relayed paths, by path, served to the engine as the {@code rtsp} source. Owns what all
 * relays share: the event loops their upstream connections and timers run on (no relay
 * blocks one), and the payload format services that describe and depacketize upstream tracks.
 * The paths themselves come and go with their configurations ({@link RelayPath}).
 */
@Component(service = {MediaSourceProvider.class, RelayPaths.class},
        property = MediaSourceProvider.SCHEME + "=rtsp")
public final class RelayPaths implements MediaSourceProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RelayPaths.class);
    /** More relayed paths than this are refused: each holds a connection and timers. */
    static final int MAX_PATHS = 10_000;

    private final PayloadFormats formats = new PayloadFormats();
    private final Map<String, Relay> relays = new HashMap<>();
    private final EventLoopGroup group;

    @Activate
    public RelayPaths() {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("tributary-relay", true), factory);
    }

    @Deactivate
    void deactivate() {
        List<Relay> all;
        synchronized (relays) {
            all = new ArrayList<>(relays.values());
            relays.clear();
        }
        all.forEach(Relay::shutdown);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFormat(PayloadFormat format, Map<String, Object> properties) {
        formats.add(format, properties);
    }

    void removeFormat(PayloadFormat format) {
        formats.remove(format);
        List<Relay> all;
        synchronized (relays) {
            all = new ArrayList<>(relays.values());
        }
        all.forEach(relay -> relay.formatRemoved(format));
    }

    /**
     * Relays a path from now on (an always-on relay connects at once).
     *
     * @throws IllegalStateException when another configuration relays the path, or there are too many
     */
    Relay add(RelaySettings settings) {
        Relay relay = new Relay(settings, group, formats, () -> ThreadLocalRandom.current().nextDouble());
        synchronized (relays) {
            Relay existing = relays.get(settings.path());
            if (existing != null) {
                throw new IllegalStateException(settings.path() + " is relayed from " + existing.settings().source()
                        + " already");
            }
            if (relays.size() >= MAX_PATHS) {
                throw new IllegalStateException("too many relayed paths (" + MAX_PATHS + ")");
            }
            relays.put(settings.path(), relay);
        }
        relay.start();
        LOG.info("relay {}: from {} ({}, {})", settings.path(), settings.source(),
                settings.onDemand() ? "on demand" : "always on", settings.transport().name().toLowerCase(Locale.ROOT));
        return relay;
    }

    /** Stops relaying a path: its upstream closes and its readers get the end of the stream. */
    void remove(Relay relay) {
        synchronized (relays) {
            relays.remove(relay.path(), relay);
        }
        relay.shutdown();
        LOG.info("relay {}: removed", relay.path());
    }

    @Override
    public List<SourceStatus> statuses() {
        List<Relay> all;
        synchronized (relays) {
            all = new ArrayList<>(relays.values());
        }
        List<SourceStatus> statuses = new ArrayList<>(all.size());
        for (Relay relay : all) {
            SourceStatus status = relay.status();
            if (status != null) {
                statuses.add(status);
            }
        }
        return statuses;
    }

    @Override
    public Optional<MediaSource> open(String path) throws IOException {
        Relay relay;
        synchronized (relays) {
            relay = relays.get(path);
        }
        return relay == null ? Optional.empty() : Optional.of(relay.open());
    }
}
