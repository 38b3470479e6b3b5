package io.tributary.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundles of {@code system/}: installed in place ({@code reference:} locations), then
 * started in two groups: the platform (DS, Config Admin, FileInstall, HTTP, console, Netty…)
 * first, Tributary's own core bundles once their configuration is in Config Admin.
 * Fragments are installed, never started.
 */
final class SystemBundles {

    private static final Logger LOG = LoggerFactory.getLogger(SystemBundles.class);
    private static final String CORE_PREFIX = "io.tributary.";

    private final List<Bundle> bundles;

    private SystemBundles(List<Bundle> bundles) {
        this.bundles = List.copyOf(bundles);
    }

    static SystemBundles install(BundleContext context, Path directory) throws StartupException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new StartupException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        if (jars.isEmpty()) {
            throw new StartupException("no bundles in " + directory);
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            try {
                installed.add(context.installBundle("reference:" + jar.toUri()));
            } catch (BundleException e) {
                throw new StartupException("cannot install " + jar + ": " + e.getMessage(), e);
            }
        }
        return new SystemBundles(installed);
    }

    List<Bundle> platform() {
        return bundles.stream().filter(b -> !BundleStates.isFragment(b) && !isCore(b)).toList();
    }

    List<Bundle> core() {
        return bundles.stream().filter(b -> !BundleStates.isFragment(b) && isCore(b)).toList();
    }

    /**
     * Starts every bundle of the group, one after the other (Felix refuses to resolve while
     * another thread holds bundle locks, so parallel starts fail at random). Reports all that
     * fail, not just the first.
     */
    static void start(List<Bundle> group) throws StartupException {
        List<String> failures = new ArrayList<>();
        for (Bundle bundle : group) {
            String failure = startOne(bundle);
            if (failure != null) {
                failures.add(failure);
            }
        }
        if (!failures.isEmpty()) {
            throw new StartupException("bundles in system/ did not start:\n" + String.join("\n", failures));
        }
    }

    /** @return null when started, else a line saying why not */
    private static String startOne(Bundle bundle) {
        long started = System.nanoTime();
        try {
            bundle.start();
            LOG.debug("Started {} in {} ms", BundleStates.describe(bundle), (System.nanoTime() - started) / 1_000_000);
            return null;
        } catch (BundleException | IllegalStateException e) {
            return "  " + BundleStates.describe(bundle) + ": " + BundleStates.reason(e);
        }
    }

    private static boolean isCore(Bundle bundle) {
        String name = bundle.getSymbolicName();
        return name != null && name.startsWith(CORE_PREFIX);
    }
}
