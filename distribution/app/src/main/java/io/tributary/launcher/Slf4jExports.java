package io.tributary.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.slf4j.LoggerFactory;

/**
 * The packages the system bundle exports for SLF4J: exactly the {@code Export-Package} of the
 * slf4j-api jar on the class path, so the versions always match the jar in {@code lib/}.
 */
final class Slf4jExports {

    private Slf4jExports() {
    }

    static String exportPackage() throws StartupException {
        try {
            Path jar = Path.of(LoggerFactory.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            try (JarFile file = new JarFile(jar.toFile())) {
                String exports = file.getManifest() == null ? null
                        : file.getManifest().getMainAttributes().getValue("Export-Package");
                if (exports == null) {
                    throw new StartupException(jar + " has no Export-Package header");
                }
                return exports;
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new StartupException("cannot read the SLF4J API jar's manifest: " + e, e);
        }
    }
}
