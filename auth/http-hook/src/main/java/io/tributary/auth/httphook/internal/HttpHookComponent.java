package io.tributary.auth.httphook.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import io.tributary.api.auth.Authorizer;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hook while it is configured ({@code etc/io.tributary.auth.httphook.cfg}). It registers
 * the {@link Authorizer} itself, and only for a usable configuration: as a DS service, a bad
 * URL would leave a registered service whose activation fails on every lookup, logged by
 * SCR with a stack trace per attempt instead of once, clearly. A changed configuration
 * replaces the hook (DS deactivates and activates this component again).
 */
@Component(configurationPid = HttpHookConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = HttpHookConfig.class)
public final class HttpHookComponent {
    private static final Logger LOG = LoggerFactory.getLogger(HttpHookComponent.class);

    private final HttpHookAuthorizer authorizer;
    private final ServiceRegistration<Authorizer> registration;

    @Activate
    public HttpHookComponent(BundleContext context, HttpHookConfig config) {
        HookSettings settings;
        try {
            settings = HookSettings.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error(HookMessages.notStarted(e.getMessage()));
            authorizer = null;
            registration = null;
            return;
        }
        authorizer = new HttpHookAuthorizer(settings, Ticker.systemTicker());
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, settings.ranking());
        properties.put(Constants.SERVICE_DESCRIPTION, "HTTP authorization hook " + settings.url());
        registration = context.registerService(Authorizer.class, authorizer, properties);
        LOG.info(HookMessages.started(settings));
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            authorizer.close();
        }
    }
}
