package io.tributary.sources.relay.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One path configuration ({@code io.tributary.path~<name>}, from the file
 * {@code etc/io.tributary.path-<name>.cfg}): while it exists and its source is an
 * {@code rtsp://} URL, the path is relayed. A changed configuration replaces the relay
 * (Declarative Services deactivates and activates this component again). Registers no service.
 */
@Component(configurationPid = RelayPathConfig.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = RelayPathConfig.class, factory = true)
public final class RelayPath {
    private static final Logger LOG = LoggerFactory.getLogger(RelayPath.class);

    private final RelayPaths paths;
    private final Relay relay;

    @Activate
    public RelayPath(@Reference RelayPaths paths, RelayPathConfig config) {
        this.paths = paths;
        this.relay = relay(paths, config);
    }

    @Deactivate
    void deactivate() {
        if (relay != null) {
            paths.remove(relay);
        }
    }

    /** The relay of a valid rtsp:// configuration; null (with the reason logged) otherwise. */
    private static Relay relay(RelayPaths paths, RelayPathConfig config) {
        try {
            return RelaySettings.of(config).map(paths::add).orElseGet(() -> {
                LOG.debug("path {}: source is not rtsp://, not relayed", config.path());
                return null;
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.warn("path {} is not relayed: {}", config.path(), e.getMessage());
            return null;
        }
    }
}
