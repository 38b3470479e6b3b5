package io.tributary.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until FileInstall has put every {@code etc/*.cfg} into Config Admin, so that
 * Tributary's components activate once, with their configuration, instead of first with
 * defaults (e.g. binding port 8554) and again a moment later.
 *
 * <p>The launcher sits outside the framework and does not import the Config Admin API, so it
 * calls it through the API classes of the bundle that registered the service.
 */
final class ConfigurationGate {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationGate.class);
    private static final String CONFIGURATION_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    private static final String CONFIGURATION = "org.osgi.service.cm.Configuration";
    /** The property FileInstall adds to each configuration it loads: the file's URI. */
    private static final String FILENAME = "felix.fileinstall.filename";

    private ConfigurationGate() {
    }

    static void await(BundleContext context, Path etc, Duration timeout) throws InterruptedException {
        Set<String> expected = configurationFiles(etc);
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> missing = new HashSet<>(expected);
        while (!missing.isEmpty()) {
            missing.removeAll(loadedFiles(context));
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("Configuration not in Config Admin after {} ms, starting anyway: {}",
                        timeout.toMillis(), missing);
                return;
            }
            Thread.sleep(10);
        }
    }

    private static Set<String> configurationFiles(Path etc) {
        try (Stream<Path> files = Files.list(etc)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".cfg") || name.endsWith(".config"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** File names (not paths) of the configurations FileInstall has loaded so far. */
    private static Set<String> loadedFiles(BundleContext context) {
        ServiceReference<?> reference = configurationAdmin(context);
        if (reference == null) {
            return Set.of();
        }
        Object admin = context.getService(reference);
        if (admin == null) {
            return Set.of();
        }
        try {
            Class<?> adminApi = reference.getBundle().loadClass(CONFIGURATION_ADMIN);
            Method getProperties = reference.getBundle().loadClass(CONFIGURATION).getMethod("getProperties");
            Object[] configurations = (Object[]) adminApi.getMethod("listConfigurations", String.class)
                    .invoke(admin, "(" + FILENAME + "=*)");
            Set<String> names = new HashSet<>();
            for (Object configuration : configurations == null ? new Object[0] : configurations) {
                Dictionary<?, ?> properties = (Dictionary<?, ?>) getProperties.invoke(configuration);
                Object uri = properties == null ? null : properties.get(FILENAME);
                if (uri != null) {
                    String text = uri.toString();
                    names.add(text.substring(text.lastIndexOf('/') + 1));
                }
            }
            return names;
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException
                 | InvocationTargetException | IllegalStateException e) {
            LOG.debug("Config Admin not ready", e);
            return Set.of();
        } finally {
            try {
                context.ungetService(reference);
            } catch (IllegalStateException e) {
                // the service went away meanwhile
            }
        }
    }

    private static ServiceReference<?> configurationAdmin(BundleContext context) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(CONFIGURATION_ADMIN, null);
            return references == null ? null : references[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
