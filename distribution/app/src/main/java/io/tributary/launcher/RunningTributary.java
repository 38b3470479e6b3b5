package io.tributary.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started Tributary: the framework to inspect, and the way to stop it. */
public final class RunningTributary implements AutoCloseable {

    static final int STOP_TIMEOUT_SECONDS = 10;
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(STOP_TIMEOUT_SECONDS);
    private static final Logger LOG = LoggerFactory.getLogger(RunningTributary.class);

    private final Framework framework;
    private final Path home;
    private final int rtspPort;
    private final String httpHost;
    private final int httpPort;
    private final Duration startupTime;

    RunningTributary(Framework framework, Path home, int rtspPort, String httpHost, int httpPort,
            Duration startupTime) {
        this.framework = framework;
        this.home = home;
        this.rtspPort = rtspPort;
        this.httpHost = httpHost;
        this.httpPort = httpPort;
        this.startupTime = startupTime;
    }

    public Framework framework() {
        return framework;
    }

    public BundleContext bundleContext() {
        return framework.getBundleContext();
    }

    public Path home() {
        return home;
    }

    /**
     * An RTSP port the engine listened on when the launcher started it: the last of its ports
     * that accepted (8554 of the default 554, 8554), or the first configured when none did.
     */
    public int rtspPort() {
        return rtspPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public URI consoleUri() {
        String host = httpHost == null || httpHost.isBlank() || httpHost.equals("0.0.0.0") ? "localhost" : httpHost;
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpPort
                + "/system/console");
    }

    /** From {@link Tributary#start} to every bundle active and the RTSP port accepting connections. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Blocks until the framework has stopped for good (by {@link #stop()}, the shell's exit,
     * or a bundle such as the web console). A restart (system bundle update, the console's
     * "Restart") is not a stop: Felix starts itself again, with the same bundles.
     */
    public void awaitStop() throws InterruptedException {
        while (framework.waitForStop(0).getType() == FrameworkEvent.STOPPED_UPDATE) {
            LOG.info("Restarting");
            try {
                framework.start(); // Felix's update thread starts it too; whoever is first wins
            } catch (BundleException e) {
                LOG.error("The framework did not restart", e);
                return;
            }
        }
    }

    /** Stops the framework and waits for it, at most {@value #STOP_TIMEOUT_SECONDS} s. Idempotent. */
    public void stop() {
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("The framework did not stop within {} s", STOP_TIMEOUT.toSeconds());
            }
        } catch (BundleException e) {
            LOG.warn("Stopping the framework failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
