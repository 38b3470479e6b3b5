package io.tributary.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.framework.Felix;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts Tributary in this JVM: Felix with the bundles of {@code system/}, FileInstall
 * watching {@code etc/} and {@code deploy/}. {@link Main} is the command line around it;
 * in-framework tests call it directly.
 */
public final class Tributary {

    private static final Logger LOG = LoggerFactory.getLogger(Tributary.class);
    private static final Duration CONFIGURATION_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration BUNDLES_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RTSP_TIMEOUT = Duration.ofSeconds(5);

    private Tributary() {
    }

    /**
     * Starts the framework and returns once every bundle is active (or fails).
     *
     * @throws StartupException when the runtime folder is incomplete or a bundle does not
     *     resolve or start; the framework is stopped again before this is thrown
     */
    public static RunningTributary start(TributaryOptions options) throws StartupException {
        long started = System.nanoTime();
        routeJavaUtilLogging();
        Path home = options.home();
        checkLayout(home);
        EtcFolder.prepare(Layout.shippedEtc(home), options.etc());
        boolean admin = Users.ensureAdmin(home, options.etc());
        Map<String, String> properties = FrameworkProperties.of(options);
        ConsoleExposure.restrict(properties, admin);
        RtspEndpoint rtsp = RtspEndpoint.of(options.etc(), properties, options.rtspPorts());
        Framework framework = newFramework(properties);
        try {
            framework.init();
            LOG.debug("Framework initialised: {} ms", millisSince(started));
            BundleContext context = framework.getBundleContext();
            SystemBundles system = SystemBundles.install(context, Layout.system(home));
            framework.start();
            LOG.debug("system/ installed, framework started: {} ms", millisSince(started));
            SystemBundles.start(system.platform());
            LOG.debug("Platform bundles started: {} ms", millisSince(started));
            ConfigurationGate.await(context, options.etc(), CONFIGURATION_TIMEOUT);
            LOG.debug("Configuration loaded: {} ms", millisSince(started));
            SystemBundles.start(system.core());
            LOG.debug("Core bundles started: {} ms", millisSince(started));
            int active = Readiness.await(context, Layout.deploy(home), BUNDLES_TIMEOUT);
            LOG.debug("All bundles active: {} ms", millisSince(started));
            List<Integer> listening = rtsp.awaitListening(RTSP_TIMEOUT);
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            int rtspPort = listening.isEmpty() ? rtsp.ports().get(0) : listening.get(listening.size() - 1);
            RunningTributary running = new RunningTributary(framework, options.home(), rtspPort,
                    properties.get(FrameworkProperties.HTTP_HOST),
                    Integer.parseInt(properties.get(FrameworkProperties.HTTP_PORT)), startup);
            LOG.info("Tributary started in {} ms ({} bundles active); RTSP on port{} {}, console {}",
                    startup.toMillis(), active, listening.size() == 1 ? "" : "s",
                    listening.isEmpty() ? rtsp.ports() : listening.stream().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", ")), running.consoleUri());
            if (listening.isEmpty()) {
                LOG.warn("Nothing accepts connections on RTSP port{} {} yet: is the engine's component active?"
                        + " (web console: Components)", rtsp.ports().size() == 1 ? "" : "s", rtsp.ports());
            }
            return running;
        } catch (StartupException | BundleException | RuntimeException e) {
            stopQuietly(framework);
            throw e instanceof StartupException se ? se
                    : new StartupException("the framework did not start: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(framework);
            throw new StartupException("interrupted while starting", e);
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static Framework newFramework(Map<String, String> properties) {
        Map<String, Object> configuration = new HashMap<>(properties);
        configuration.put("felix.log.logger", new FelixLogBridge());
        configuration.put("felix.log.level", FelixLogBridge.level());
        return new Felix(configuration);
    }

    private static void checkLayout(Path home) throws StartupException {
        if (!Files.isDirectory(Layout.system(home))) {
            throw new StartupException("no system/ folder in " + home
                    + ": --home must name a Tributary runtime folder (distribution/app/target/tributary)");
        }
        try {
            Files.createDirectories(Layout.deploy(home));
        } catch (IOException e) {
            throw new StartupException("cannot create folders in " + home + ": " + e.getMessage(), e);
        }
    }

    /** FileInstall (and anything else using java.util.logging) logs through SLF4J too. */
    private static synchronized void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(RunningTributary.STOP_TIMEOUT.toMillis());
        } catch (BundleException | RuntimeException e) {
            LOG.warn("Stopping the framework failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
