package io.tributary.transports.httptunnel.internal;

import io.tributary.api.transport.ControlListener;
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
 * RTSP over HTTP as configured ({@code etc/io.tributary.transports.httptunnel.cfg}, defaults
 * without it). It registers the {@link ControlListener} itself, since its service properties
 * (its own port, whether it is on the RTSP port) come from the configuration. Going away
 * closes every tunnel connection, so that the sessions tunnelled through it end, and only
 * those: the engine ends a session when its connection closes. A changed configuration starts
 * afresh (DS deactivates and activates this component again).
 */
@Component(configurationPid = HttpTunnelConfig.PID, service = {})
@Designate(ocd = HttpTunnelConfig.class)
public final class HttpTunnelComponent {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTunnelComponent.class);

    private final Tunnels tunnels;
    private final ServiceRegistration<ControlListener> registration;

    @Activate
    public HttpTunnelComponent(BundleContext context, HttpTunnelConfig config) {
        TunnelSettings settings;
        try {
            settings = TunnelSettings.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error("RTSP over HTTP is off: {} (configuration {})", e.getMessage(), HttpTunnelConfig.PID);
            tunnels = null;
            registration = null;
            return;
        }
        if (settings.port() == 0 && !settings.shared()) {
            LOG.info("RTSP over HTTP is off: no port of its own (port = 0) and not on the RTSP port (shared = false)");
            tunnels = null;
            registration = null;
            return;
        }
        tunnels = new Tunnels(settings);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ControlListener.PROTOCOL, "http-tunnel");
        properties.put(ControlListener.PORT, Integer.valueOf(settings.port()));
        properties.put(ControlListener.SHARED, Boolean.valueOf(settings.shared()));
        properties.put(Constants.SERVICE_DESCRIPTION, "RTSP over HTTP (QuickTime tunnelling: rtsph://)");
        registration = context.registerService(ControlListener.class, new HttpTunnelListener(tunnels, settings),
                properties);
        LOG.info("RTSP over HTTP on {}", where(settings));
    }

    @Deactivate
    void deactivate() {
        if (registration == null) {
            return;
        }
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The bundle is stopping: the framework unregistered it already.
        }
        for (TunnelConnection connection : tunnels.closeAll()) {
            connection.closeFromElsewhere();
        }
    }

    private static String where(TunnelSettings settings) {
        if (settings.port() == 0) {
            return "the RTSP port";
        }
        return settings.shared() ? "the RTSP port and port " + settings.port() : "port " + settings.port();
    }
}
