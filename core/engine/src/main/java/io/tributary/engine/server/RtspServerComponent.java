package io.tributary.engine.server;

import io.netty.channel.EventLoopGroup;
import io.tributary.api.auth.AuthScheme;
import io.tributary.api.auth.Authorizer;
import io.tributary.api.auth.CredentialStore;
import io.tributary.api.event.SessionListener;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.runtime.PathSnapshot;
import io.tributary.api.runtime.SessionSnapshot;
import io.tributary.api.runtime.TributaryRuntime;
import io.tributary.api.source.MediaSourceProvider;
import io.tributary.api.source.PublishTarget;
import io.tributary.api.source.SourceStatus;
import io.tributary.api.transport.ControlListener;
import io.tributary.api.transport.MediaKeying;
import io.tributary.api.transport.MediaTransport;
import io.tributary.api.transport.TransportContext;
import io.tributary.api.transport.TransportPolicy;
import io.tributary.engine.auth.AccessControl;
import io.tributary.engine.auth.CredentialStores;
import io.tributary.engine.auth.LoginFailures;
import io.tributary.engine.connection.ConnectionLimits;
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
import io.tributary.engine.vod.VodFrames;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
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
    private final Whiteboard<TransportPolicy> policies = new Whiteboard<>();
    private final Whiteboard<MediaKeying> keyings = new Whiteboard<>();
    private final Whiteboard<MediaSourceProvider> providers = new Whiteboard<>();
    private final Whiteboard<PublishTarget> publishTargets = new Whiteboard<>();
    private final Whiteboard<AuthScheme> authSchemes = new Whiteboard<>();
    private final Whiteboard<Authorizer> authorizers = new Whiteboard<>();
    private final Whiteboard<CredentialStore> credentialStores = new Whiteboard<>();
    /** Control listeners recognised on the RTSP port. */
    private final Whiteboard<ControlListener> sharedListeners = new Whiteboard<>();
    /** Control listeners that want a port of their own, with that port; and the servers opened for them. */
    private final Map<ControlListener, OwnPort> listenerPorts = new ConcurrentHashMap<>();
    private final Map<ControlListener, RtspServer> dedicatedServers = new ConcurrentHashMap<>();
    private volatile RtspPipeline.Shared pipelineShared;
    private volatile InetSocketAddress listenAddress;
    private int queueBytes;
    private final SessionEvents events = new SessionEvents();
    private ThreadPoolExecutor blocking;
    private ExecutorService opening;
    private ExecutorService authenticating;
    private NettyRuntime netty;
    private ServiceRegistration<EventLoopGroup> loopsRegistration;
    private volatile PathRegistry paths;
    private volatile SessionManager sessions;
    private volatile VodFrames vod;
    /** One per RTSP port that could be bound. */
    private final List<RtspServer> servers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile EngineRuntime runtime;

    @Activate
    void activate(BundleContext context, RtspServerConfig config) {
        ListenPorts ports;
        try {
            ports = ListenPorts.parse(config.ports(), config.port());
        } catch (IllegalArgumentException e) {
            LOG.error("RTSP server: {} (configuration io.tributary.engine.rtsp)", e.getMessage());
            throw e;
        }
        AtomicInteger threadNumber = new AtomicInteger();
        blocking = new ThreadPoolExecutor(config.blockingThreads(), config.blockingThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(100_000), r -> {
                    Thread t = new Thread(r, "tributary-blocking-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        blocking.allowCoreThreadTimeOut(true);
        netty = new NettyRuntime(config.ioThreads() > 0 ? config.ioThreads() : Runtime.getRuntime().availableProcessors());
        // One set of I/O threads for the server: transports register their sockets on these loops
        // (a session's UDP socket on the session's own loop), instead of a thread group per bundle.
        loopsRegistration = context.registerService(EventLoopGroup.class, netty.workers(),
                new Hashtable<>(Map.of(TransportContext.IO_LOOPS, Boolean.TRUE,
                        Constants.SERVICE_DESCRIPTION, "Tributary I/O event loops")));
        // Opening a source may wait on the network (a relay's camera) up to its timeouts: each open gets its
        // own virtual thread, so hung cameras cannot hold up the others or the file reads on the blocking pool.
        opening = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tributary-open-", 0).factory());
        paths = new PathRegistry(providers, formats, opening, netty.workers().next(), SOURCE_LINGER_MILLIS,
                MAX_OPEN_SOURCES, config.maxPayloadSize(), config.gopCacheMegabytes() * 1024 * 1024);
        sessions = new SessionManager(events, config.maxSessions(), config.maxSessionsPerClient(),
                config.sessionTimeoutSeconds(), netty.workers().next());
        vod = new VodFrames(new SampleCache(config.sampleCacheMegabytes() * 1024L * 1024L, blocking),
                config.frameCacheMegabytes() * 1024L * 1024L);
        netty.workers().next().scheduleWithFixedDelay(vod::sweep, 5, 5, TimeUnit.SECONDS); // ends with the loops
        Engine engine = new Engine(sessions, paths, formats, transports, policies, keyings, publishTargets, vod,
                new SdpBuilder(formats), blocking, config.maxPayloadSize(),
                TimeUnit.SECONDS.toNanos(config.slowReaderSeconds()), config.plainUdpOverTls());
        // Authentication may wait on a remote backend: virtual threads, bounded by AccessControl's limits.
        authenticating = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tributary-auth-", 0).factory());
        LoginFailures failures = new LoginFailures(new LoginFailures.Settings(config.loginFailuresBeforeDelay(),
                config.loginFailuresBeforeBlock(), Duration.ofMillis(config.loginMaxDelayMillis()),
                Duration.ofSeconds(config.loginBlockSeconds()), Duration.ofMinutes(15), 100_000));
        AccessControl access = new AccessControl(authSchemes, authorizers, new CredentialStores(credentialStores),
                failures, authenticating,
                new AccessControl.Limits(Duration.ofSeconds(config.authTimeoutSeconds()), config.maxAuthInProgress(),
                        config.maxAuthInProgressPerClient(), config.maxAuthWaiting()));
        Dispatcher dispatcher = new Dispatcher(engine, access, SERVER);
        if (authorizers.all().isEmpty()) {
            LOG.warn("no authorizer is installed (auth/users): every request that needs a permission is refused");
        }
        runtime = new EngineRuntime(sessions, paths);
        RtspPipeline.Shared shared = new RtspPipeline.Shared(config.idleConnectionSeconds(),
                config.requestTimeoutSeconds(), dispatcher, sessions,
                new ConnectionLimits(config.maxConnections(), config.maxConnectionsPerClient()), failures,
                sharedListeners::all);
        queueBytes = config.connectionQueueKilobytes() * 1024;
        for (int port : ports.ports()) {
            InetSocketAddress address = config.host().isBlank()
                    ? new InetSocketAddress(port) : new InetSocketAddress(config.host(), port);
            try {
                servers.add(new RtspServer(address, netty.boss(), netty.workers(), netty.serverChannel(),
                        queueBytes, channel -> RtspPipeline.install(channel.pipeline(), shared)));
            } catch (IllegalStateException e) {
                LOG.warn("RTSP server: not listening on port {}: {}", port, ListenPorts.whyNot(port, e.getCause() != null ? e.getCause() : e));
            }
        }
        if (servers.isEmpty()) {
            String message = "cannot listen on any of the RTSP ports " + ports.ports();
            LOG.error("RTSP server: {}", message);
            deactivate();
            throw new IllegalStateException(message);
        }
        LOG.info("RTSP server listening on {} ({} transport)",
                servers.stream().map(s -> s.address().toString()).collect(java.util.stream.Collectors.joining(", ")),
                netty.nativeTransport() ? "epoll" : "NIO");
        listenAddress = servers.get(0).address();
        pipelineShared = shared;
        listenerPorts.forEach(this::openDedicated);
    }

    @Deactivate
    void deactivate() {
        if (loopsRegistration != null) {
            try {
                loopsRegistration.unregister(); // transports close their sockets on the loops first
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping: the framework unregistered it already
            }
            loopsRegistration = null;
        }
        pipelineShared = null;
        dedicatedServers.values().forEach(RtspServer::close);
        dedicatedServers.clear();
        servers.forEach(RtspServer::close);
        servers.clear();
        if (sessions != null) {
            sessions.close();
        }
        if (paths != null) {
            paths.close();
        }
        if (netty != null) {
            netty.close();
        }
        if (vod != null) {
            vod.invalidateAll(); // the kept frames go back to the pool
        }
        if (blocking != null) {
            blocking.shutdownNow();
        }
        if (opening != null) {
            opening.shutdownNow();
        }
        if (authenticating != null) {
            authenticating.shutdownNow();
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
        formats.add(key(properties, PayloadFormat.ENCODING), format, Whiteboard.ranking(properties), Whiteboard.serviceId(properties));
    }

    void unbindFormat(PayloadFormat format, Map<String, Object> properties) {
        formats.remove(key(properties, PayloadFormat.ENCODING), format);
        SessionManager pool = sessions;
        VodFrames cache = vod;
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
        transports.add(key(properties, MediaTransport.PROFILE), transport, Whiteboard.ranking(properties), Whiteboard.serviceId(properties));
    }

    void unbindTransport(MediaTransport transport, Map<String, Object> properties) {
        transports.remove(key(properties, MediaTransport.PROFILE), transport);
        SessionManager pool = sessions;
        if (pool != null) {
            pool.endWhere(s -> s.tracks().values().stream().anyMatch(t -> t.transport() == transport),
                    SessionEndReason.TRANSPORT_GONE);
        }
    }

    // Whiteboard: transport policies. They rule on SETUPs to come, not on sessions already set up.

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindPolicy(TransportPolicy policy, Map<String, Object> properties) {
        policies.add("", policy, Whiteboard.ranking(properties), Whiteboard.serviceId(properties));
    }

    void unbindPolicy(TransportPolicy policy) {
        policies.remove("", policy);
    }

    // Whiteboard: keying of secure profiles (SRTP). Sessions keep the keys they were given.

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindKeying(MediaKeying keying, Map<String, Object> properties) {
        keyings.add(key(properties, MediaKeying.PROFILE), keying, Whiteboard.ranking(properties),
                Whiteboard.serviceId(properties));
    }

    void unbindKeying(MediaKeying keying, Map<String, Object> properties) {
        keyings.remove(key(properties, MediaKeying.PROFILE), keying);
    }

    // Whiteboard: sources.

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSource(MediaSourceProvider provider, Map<String, Object> properties) {
        providers.add("", provider, Whiteboard.ranking(properties), Whiteboard.serviceId(properties));
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
        publishTargets.add("", target, Whiteboard.ranking(properties), Whiteboard.serviceId(properties));
    }

    void unbindPublishTarget(PublishTarget target) {
        publishTargets.remove("", target);
    }

    // Whiteboard: authentication schemes and authorizers. A scheme that goes away only stops being
    // offered: sessions its users made go on.

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindAuthScheme(AuthScheme scheme, Map<String, Object> properties) {
        authSchemes.add(key(properties, AuthScheme.SCHEME), scheme, Whiteboard.ranking(properties), Whiteboard.serviceId(properties));
    }

    void unbindAuthScheme(AuthScheme scheme, Map<String, Object> properties) {
        authSchemes.remove(key(properties, AuthScheme.SCHEME), scheme);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindCredentialStore(CredentialStore store, Map<String, Object> properties) {
        credentialStores.add("", store, Whiteboard.ranking(properties), Whiteboard.serviceId(properties));
    }

    void unbindCredentialStore(CredentialStore store) {
        credentialStores.remove("", store);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindAuthorizer(Authorizer authorizer, Map<String, Object> properties) {
        authorizers.add("", authorizer, Whiteboard.ranking(properties), Whiteboard.serviceId(properties));
    }

    void unbindAuthorizer(Authorizer authorizer) {
        authorizers.remove("", authorizer);
        if (authorizers.all().isEmpty() && runtime != null && !shuttingDown()) {
            LOG.warn("the last authorizer went away: every request that needs a permission is refused");
        }
    }

    /** Whether the whole framework is stopping (plugins go first then: nothing to warn about). */
    private static boolean shuttingDown() {
        org.osgi.framework.Bundle self = org.osgi.framework.FrameworkUtil.getBundle(RtspServerComponent.class);
        return self == null || self.getBundleContext() == null
                || self.getBundleContext().getBundle(0).getState() == org.osgi.framework.Bundle.STOPPING;
    }

    // Whiteboard: control listeners (TLS, later RTSP over HTTP). Connections a listener took go on
    // when it goes away; its own port closes.

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindControlListener(ControlListener listener, Map<String, Object> properties) {
        if (!Boolean.FALSE.equals(properties.get(ControlListener.SHARED))) {
            sharedListeners.add("", listener, Whiteboard.ranking(properties), Whiteboard.serviceId(properties));
        }
        if (properties.get(ControlListener.PORT) instanceof Integer port && port > 0) {
            OwnPort own = new OwnPort(port, String.valueOf(properties.get(ControlListener.PROTOCOL)));
            listenerPorts.put(listener, own);
            if (pipelineShared != null) {
                openDedicated(listener, own);
            }
        }
    }

    void unbindControlListener(ControlListener listener) {
        sharedListeners.remove("", listener);
        listenerPorts.remove(listener);
        RtspServer dedicated = dedicatedServers.remove(listener);
        if (dedicated != null) {
            dedicated.close();
            LOG.info("stopped listening on {}", dedicated.address());
        }
    }

    /** A port a control listener wants for its protocol alone. */
    private record OwnPort(int port, String protocol) {
    }

    /** Opens a listener's own port; one line says why not when it cannot (a port below 1024 without privileges). */
    private synchronized void openDedicated(ControlListener listener, OwnPort own) {
        int port = own.port();
        RtspPipeline.Shared shared = pipelineShared;
        InetSocketAddress base = listenAddress;
        if (shared == null || base == null || dedicatedServers.containsKey(listener)) {
            return;
        }
        InetSocketAddress address = base.getAddress() == null || base.getAddress().isAnyLocalAddress()
                ? new InetSocketAddress(port) : new InetSocketAddress(base.getAddress(), port);
        try {
            RtspServer dedicated = new RtspServer(address, netty.boss(), netty.workers(), netty.serverChannel(),
                    queueBytes, channel -> RtspPipeline.installDedicated(channel.pipeline(), shared, listener));
            dedicatedServers.put(listener, dedicated);
            LOG.info("{} listening on {}", own.protocol(), dedicated.address());
        } catch (IllegalStateException e) {
            LOG.warn("{} on its own port: {}{}", own.protocol(), e.getMessage(), port < 1024
                    ? " (ports below 1024 need root or CAP_NET_BIND_SERVICE); still recognised on the RTSP port" : "");
        }
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
}
