package io.tributary.transports.tls.internal;

import io.netty.handler.ssl.SslProvider;
import io.tributary.api.transport.ControlListener;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
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
 * RTSPS as configured ({@code etc/io.tributary.transports.tls.cfg}, defaults without it). It
 * registers the {@link ControlListener} itself: its service properties come from the
 * configuration (the port), and it is registered only once a usable certificate is loaded,
 * so that the engine never offers TLS it cannot complete. A bad configuration is one clear
 * ERROR and no listener. A changed configuration replaces the endpoint (DS deactivates and
 * activates this component again).
 */
@Component(configurationPid = TlsConfig.PID, service = {})
@Designate(ocd = TlsConfig.class)
public final class TlsComponent {
    /** Framework properties set by the launcher: the configuration folder, and the runtime folder. */
    static final String ETC_PROPERTY = "tributary.etc";
    static final String HOME_PROPERTY = "tributary.home";
    private static final Logger LOG = LoggerFactory.getLogger(TlsComponent.class);

    private final TlsEndpoint endpoint;

    @Activate
    public TlsComponent(BundleContext context, TlsConfig config) {
        TlsSettings settings;
        SslProvider provider;
        try {
            settings = TlsSettings.of(config, TlsSettings.configurationFolder(context.getProperty(ETC_PROPERTY),
                    context.getProperty(HOME_PROPERTY)));
            provider = settings.engine().provider();
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.error("RTSPS is off: {} (configuration {})", e.getMessage(), TlsConfig.PID);
            endpoint = null;
            return;
        }
        if (settings.port() == 0 && !settings.shared()) {
            LOG.info("RTSPS is off: no port of its own (port = 0) and not on the RTSP port (shared = false)");
            endpoint = null;
            return;
        }
        endpoint = new TlsEndpoint(settings, provider, new Registration(context, settings), Clock.systemUTC(),
                TlsComponent::hostName);
        endpoint.start();
    }

    @Deactivate
    void deactivate() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    /** This machine's name for a development certificate; none when it cannot be found. */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            LOG.debug("no host name for the development certificate: {}", e.getMessage());
            return null;
        }
    }

    /** The listener as an OSGi service, with the properties the engine binds and detects by. */
    private static final class Registration implements TlsEndpoint.Publication {
        private final BundleContext context;
        private final TlsSettings settings;
        private ServiceRegistration<ControlListener> registration;

        Registration(BundleContext context, TlsSettings settings) {
            this.context = context;
            this.settings = settings;
        }

        @Override
        public synchronized void publish(TlsListener listener) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(ControlListener.PROTOCOL, "tls");
            properties.put(ControlListener.PORT, Integer.valueOf(settings.port()));
            properties.put(ControlListener.SHARED, Boolean.valueOf(settings.shared()));
            properties.put(Constants.SERVICE_DESCRIPTION, "RTSPS (TLS on the RTSP control connection)");
            registration = context.registerService(ControlListener.class, listener, properties);
        }

        @Override
        public synchronized void withdraw() {
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // The bundle is stopping: the framework unregistered it already.
                }
                registration = null;
            }
        }
    }
}
