package io.tributary.launcher;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the web console on this host while nobody could log into it as an administrator. */
final class ConsoleExposure {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleExposure.class);
    private static final String LOCALHOST = "127.0.0.1";

    private ConsoleExposure() {
    }

    static void restrict(Map<String, String> properties, boolean adminExists) {
        String host = properties.get(FrameworkProperties.HTTP_HOST);
        if (!adminExists && !LOCALHOST.equals(host) && !"localhost".equals(host)) {
            LOG.warn("No user has the admin permission: the web console stays on {} instead of {}"
                    + " (add one with `tributary user add NAME --permit 'admin:/**'`)", LOCALHOST, host);
            properties.put(FrameworkProperties.HTTP_HOST, LOCALHOST);
        }
    }
}
