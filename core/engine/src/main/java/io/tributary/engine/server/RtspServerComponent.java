package io.tributary.engine.server;

import io.tributary.api.event.SessionListener;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.runtime.PathSnapshot;
import io.tributary.api.runtime.SessionSnapshot;
import io.tributary.api.runtime.TributaryRuntime;
import io.tributary.api.source.MediaSourceProvider;
import io.tributary.api.source.PublishTarget;
import io.tributary.api.source.SourceStatus;
import io.tributary.api.transport.MediaTransport;
import io.tributary.engine.connection.RtspPipeline;
import io.tributary.engine.handler.Dispatcher;
import io.tributary.engine.handler.Engine;
import io.tributary.engine.path.PathRegistry;
import io.tributary.engine.path.SdpBuilder;
import io.tributary.engine.path.Whiteboard;
import io.tributary.engine.runtime.EngineRuntime;
import io.tributary.engine.session.SessionEndReason;
import io.tributary.engine.session.SessionEvents;
import io.tributary.engine.session.SessionManager;
import io.tributary.engine.vod.SampleCache;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTSP engine as a DS component: tracks the plugin services (whiteboard) and runs the
 * server with its configuration. A plugin that goes away ends only the sessions that used
 * it; one that appears is used by new sessions at once.
 */
@Component(configurationPid = "io.tributary.engine.rtsp", immediate = true, service = TributaryRuntime.class)
@Designate(ocd = RtspServerConfig.class)
public final class RtspServerComponent implements TributaryRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(RtspServerComponent.class);
    private static final String SERVER = "Tributary/0.1.0";
    private static final long SOURCE_LINGER_MILLIS = 30_000;
    private static final int MAX_OPEN_SOURCES = 1000;

    private final Whiteboard<PayloadFormat> formats = new Whiteboard<>();
    private final Whiteboard<MediaTransport> transports = new Whiteboard<>();
    private final Whiteboard<MediaSourceProvider> providers = new Whiteboard<>();
    private final Whiteboard<PublishTarget> publishTargets = new Whiteboard<>();
    private final SessionEvents events = new SessionEvents();
    private ThreadPoolExecutor blocking;
    private ExecutorService opening;
    private NettyRuntime netty;
    private volatile PathRegistry paths;
    private volatile SessionManager sessions;
    private volatile SampleCache samples;
    private RtspServer server;
    private volatile EngineRuntime runtime;

    @Activate
    void activate(RtspServerConfig config) {
        AtomicInteger threadNumber = new AtomicInteger();
        blocking = new ThreadPoolExecutor(config.blockingThreads(), config.blockingThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(100_000), r -> {
                    Thread t = new Thread(r, "tributary-blocking-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        blocking.allowCoreThreadTimeOut(true);
        netty = new NettyRuntime(config.ioThreads() > 0 ? config.ioThreads() : Runtime.getRuntime().availableProcessors());
        // Opening a source may wait on the network (a relay's camera) up to its timeouts: each open gets its
        // own virtual thread, so hung cameras cannot hold up the others or the file reads on the blocking pool.
        opening = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tributary-open-", 0).factory());
        paths = new PathRegistry(providers, formats, opening, netty.workers().next(), SOURCE_LINGER_MILLIS,
                MAX_OPEN_SOURCES, config.maxPayloadSize(), config.gopCacheMegabytes() * 1024 * 1024);
        sessions = new SessionManager(events, config.maxSessions(), config.maxSessionsPerClient(),
                config.sessionTimeoutSeconds(), netty.workers().next());
        samples = new SampleCache(config.sampleCacheMegabytes() * 1024L * 1024L, blocking);
        Engine engine = new Engine(sessions, paths, formats, transports, publishTargets, samples,
                new SdpBuilder(formats), blocking, config.maxPayloadSize(),
                TimeUnit.SECONDS.toNanos(config.slowReaderSeconds()));
        Dispatcher dispatcher = new Dispatcher(engine, SERVER);
        runtime = new EngineRuntime(sessions, paths);
        InetSocketAddress address = config.host().isBlank()
                ? new InetSocketAddress(config.port()) : new InetSocketAddress(config.host(), config.port());
        int idleSeconds = Math.max(10, 2 * config.sessionTimeoutSeconds());
        SessionManager pool = sessions;
        try {
            server = new RtspServer(address, netty.boss(), netty.workers(), netty.serverChannel(),
                    config.connectionQueueKilobytes() * 1024,
                    channel -> RtspPipeline.install(channel.pipeline(), idleSeconds, dispatcher, pool));
        } catch (IllegalStateException e) {
            LOG.error("{}", e.getMessage());
            deactivate();
            throw e;
        }
        LOG.info("RTSP server listening on {} ({} transport)", server.address(),
                netty.nativeTransport() ? "epoll" : "NIO");
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.close();
        }
        if (sessions != null) {
            sessions.close();
        }
        if (paths != null) {
            paths.close();
        }
        if (netty != null) {
            netty.close();
        }
        if (blocking != null) {
            blocking.shutdownNow();
        }
        if (opening != null) {
            opening.shutdownNow();
        }
        events.close();
        LOG.info("RTSP server stopped");
    }

    // TributaryRuntime, for administration.

    @Override
    public List<SessionSnapshot> sessions() {
        return runtime.sessions();
    }

    @Override
    public List<PathSnapshot> paths() {
        return runtime.paths();
    }

    @Override
    public List<SourceStatus> sources() {
        return runtime.sources();
    }

    @Override
    public boolean kick(String sessionId) {
        return runtime.kick(sessionId);
    }

    // Whiteboard: payload formats.

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindFormat(PayloadFormat format, Map<String, Object> properties) {
        formats.add(key(properties, PayloadFormat.ENCODING), format, ranking(properties), serviceId(properties));
    }

    void unbindFormat(PayloadFormat format, Map<String, Object> properties) {
        formats.remove(key(properties, PayloadFormat.ENCODING), format);
        SessionManager pool = sessions;
        SampleCache cache = samples;
        if (pool != null) {
            pool.endWhere(s -> s.source().uses(format), SessionEndReason.FORMAT_GONE);
        }
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    // Whiteboard: transports.

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindTransport(MediaTransport transport, Map<String, Object> properties) {
        transports.add(key(properties, MediaTransport.PROFILE), transport, ranking(properties), serviceId(properties));
    }

    void unbindTransport(MediaTransport transport, Map<String, Object> properties) {
        transports.remove(key(properties, MediaTransport.PROFILE), transport);
        SessionManager pool = sessions;
        if (pool != null) {
            pool.endWhere(s -> s.tracks().values().stream().anyMatch(t -> t.transport() == transport),
                    SessionEndReason.TRANSPORT_GONE);
        }
    }

    // Whiteboard: sources.

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSource(MediaSourceProvider provider, Map<String, Object> properties) {
        providers.add("", provider, ranking(properties), serviceId(properties));
    }

    void unbindSource(MediaSourceProvider provider) {
        providers.remove("", provider);
        PathRegistry registry = paths;
        List<String> gone = registry == null ? List.of() : registry.closeOpenedBy(provider);
        SessionManager pool = sessions;
        if (pool != null && !gone.isEmpty()) {
            pool.endWhere(s -> gone.contains(s.path()), SessionEndReason.SOURCE_GONE);
        }
    }

    // Whiteboard: publish targets.

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindPublishTarget(PublishTarget target, Map<String, Object> properties) {
        publishTargets.add("", target, ranking(properties), serviceId(properties));
    }

    void unbindPublishTarget(PublishTarget target) {
        publishTargets.remove("", target);
    }

    // Whiteboard: session listeners.

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(SessionListener listener) {
        events.add(listener);
    }

    void unbindListener(SessionListener listener) {
        events.remove(listener);
    }

    private static String key(Map<String, Object> properties, String name) {
        Object value = properties.get(name);
        return value == null ? "" : value.toString().toUpperCase(java.util.Locale.ROOT);
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get("service.ranking") instanceof Integer i ? i : 0;
    }

    private static long serviceId(Map<String, Object> properties) {
        return properties.get("service.id") instanceof Long l ? l : 0L;
    }
}
