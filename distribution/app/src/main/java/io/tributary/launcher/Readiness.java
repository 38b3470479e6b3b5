package io.tributary.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Waits until every bundle is up: the ones the launcher installed and one per jar in
 * {@code deploy/} (installed by FileInstall). Fails as soon as the framework cannot resolve a
 * bundle, naming the missing requirement.
 */
final class Readiness {

    /** How long a bundle may stay INSTALLED before the launcher resolves it itself. */
    private static final Duration SETTLE = Duration.ofMillis(1500);

    private Readiness() {
    }

    /** @return the number of bundles that are up (including the system bundle) */
    static int await(BundleContext context, Path deploy, Duration timeout)
            throws StartupException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        Map<Long, Long> installedSince = new HashMap<>();
        while (true) {
            List<Bundle> bundles = Arrays.asList(context.getBundles());
            Set<String> missing = deployedJars(deploy);
            missing.removeAll(deployedNames(bundles, deploy));
            List<Bundle> down = bundles.stream().filter(b -> !BundleStates.isUp(b)).toList();
            if (missing.isEmpty() && down.isEmpty()) {
                return bundles.size();
            }
            // FileInstall resolves and starts what it installs; only a bundle left INSTALLED
            // for a while is resolved here (resolving races FileInstall's own attempts).
            long now = System.nanoTime();
            installedSince.keySet().retainAll(down.stream().map(Bundle::getBundleId).toList());
            List<Bundle> stuck = down.stream()
                    .filter(b -> b.getState() == Bundle.INSTALLED)
                    .filter(b -> now - installedSince.computeIfAbsent(b.getBundleId(), id -> now) > SETTLE.toNanos())
                    .toList();
            if (missing.isEmpty() && !stuck.isEmpty() && !wiring.resolveBundles(stuck)) {
                throw failure("bundles did not resolve", stuck.stream()
                        .filter(b -> b.getState() == Bundle.INSTALLED).toList());
            }
            if (now > deadline) {
                if (!missing.isEmpty()) {
                    throw new StartupException("FileInstall did not install " + missing + " from "
                            + deploy + " within " + timeout.toSeconds() + " s");
                }
                throw failure("bundles not active after " + timeout.toSeconds() + " s", down);
            }
            Thread.sleep(20);
        }
    }

    private static StartupException failure(String what, List<Bundle> bundles) {
        List<String> lines = new ArrayList<>();
        for (Bundle bundle : bundles) {
            lines.add("  " + BundleStates.describe(bundle) + " (" + BundleStates.state(bundle) + "): "
                    + BundleStates.whyNotUp(bundle));
        }
        return new StartupException(what + ":\n" + String.join("\n", lines));
    }

    private static Set<String> deployedJars(Path deploy) {
        try (Stream<Path> files = Files.list(deploy)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".jar"))
                    .collect(Collectors.toCollection(HashSet::new));
        } catch (IOException e) {
            return new HashSet<>();
        }
    }

    /** File names in deploy/ that an installed bundle came from (FileInstall uses file: URIs). */
    private static Set<String> deployedNames(List<Bundle> bundles, Path deploy) {
        Set<String> names = new HashSet<>();
        for (Bundle bundle : bundles) {
            String location = bundle.getLocation();
            if (!location.startsWith("file:")) {
                continue;
            }
            try {
                Path file = Path.of(URI.create(location)).toAbsolutePath().normalize();
                if (deploy.toAbsolutePath().normalize().equals(file.getParent())) {
                    names.add(file.getFileName().toString());
                }
            } catch (IllegalArgumentException e) {
                // not a plain file location
            }
        }
        return names;
    }
}
