package io.tributary.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The framework's own messages (install, resolve, start errors) through SLF4J. */
final class FelixLogBridge extends org.apache.felix.framework.Logger {

    private static final Logger LOG = LoggerFactory.getLogger("org.apache.felix.framework");

    /** The {@code felix.log.level} that lets through what SLF4J would print. */
    static String level() {
        if (LOG.isDebugEnabled()) {
            return "4";
        }
        if (LOG.isInfoEnabled()) {
            return "3";
        }
        return LOG.isWarnEnabled() ? "2" : "1";
    }

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String text = bundle != null ? BundleStates.describe(bundle) + ": " + msg : msg;
        switch (level) {
            case LOG_ERROR -> LOG.error(text, throwable);
            case LOG_WARNING -> LOG.warn(text, throwable);
            case LOG_INFO -> LOG.info(text, throwable);
            default -> LOG.debug(text, throwable);
        }
    }
}
