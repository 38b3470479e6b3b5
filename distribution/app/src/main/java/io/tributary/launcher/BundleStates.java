package io.tributary.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;

/** Names and states of bundles, worded for log lines and error messages. */
final class BundleStates {

    private BundleStates() {
    }

    static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    /** A fragment is fine once attached (RESOLVED); any other bundle once ACTIVE. */
    static boolean isUp(Bundle bundle) {
        return isFragment(bundle)
                ? bundle.getState() == Bundle.RESOLVED
                : bundle.getState() == Bundle.ACTIVE;
    }

    static String describe(Bundle bundle) {
        String name = bundle.getSymbolicName() != null ? bundle.getSymbolicName() : bundle.getLocation();
        return name + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }

    static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "state " + bundle.getState();
        };
    }

    /**
     * Why a bundle is not up, in the framework's words: for a bundle that is not a fragment,
     * starting it (transiently) makes the framework name the unresolved requirement or the
     * activator's exception.
     */
    static String whyNotUp(Bundle bundle) {
        if (isFragment(bundle)) {
            return "fragment not attached; is its host installed? Fragment-Host: "
                    + bundle.getHeaders().get(Constants.FRAGMENT_HOST);
        }
        try {
            bundle.start(Bundle.START_TRANSIENT);
            return "was " + state(bundle) + ", started on retry";
        } catch (BundleException | IllegalStateException e) {
            return reason(e);
        }
    }

    static String reason(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("\n      caused by ").append(cause);
        }
        return text.toString();
    }
}
