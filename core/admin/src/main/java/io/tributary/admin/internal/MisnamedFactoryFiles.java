package io.tributary.admin.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Optional;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns about {@code etc/} files named like a factory configuration's PID,
 * {@code io.tributary.path~cam1.cfg}: FileInstall 3.7 splits file names at {@code -} only, so
 * such a file silently becomes an unrelated plain configuration that nothing reads, and the
 * path it describes never appears. The warning names the file to rename it to.
 */
@Component(service = ConfigurationListener.class)
public final class MisnamedFactoryFiles implements ConfigurationListener {
    private static final Logger LOG = LoggerFactory.getLogger(MisnamedFactoryFiles.class);

    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public MisnamedFactoryFiles(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
        // Files FileInstall read before this component started.
        for (Configuration configuration : fromFiles("(" + FileInstallConfigurationHandler.FILENAME + "=*)")) {
            check(configuration);
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (event.getType() == ConfigurationEvent.CM_UPDATED && event.getFactoryPid() == null
                && event.getPid().indexOf('~') > 0) {
            for (Configuration configuration : fromFiles("(" + Constants.SERVICE_PID + "=" + FileInstallConfigurationHandler.escapeFilterValue(event.getPid()) + ")")) {
                check(configuration);
            }
        }
    }

    private void check(Configuration configuration) {
        Dictionary<String, Object> properties = configuration.getProperties();
        Object file = properties == null ? null : properties.get(FileInstallConfigurationHandler.FILENAME);
        warning(configuration.getPid(), configuration.getFactoryPid(), file).ifPresent(LOG::warn);
    }

    /**
     * The warning for a configuration with PID {@code pid} and factory PID {@code factoryPid}
     * that FileInstall loaded from {@code file} (a {@code file:} URI or path), if it is misnamed.
     */
    static Optional<String> warning(String pid, String factoryPid, Object file) {
        int tilde = pid.indexOf('~');
        if (factoryPid != null || tilde <= 0 || tilde == pid.length() - 1 || file == null) {
            return Optional.empty();
        }
        String fileName = fileName(file.toString());
        String renamed = fileName.replaceFirst("~", "-");
        return Optional.of(fileName + " is not read as a factory configuration of " + pid.substring(0, tilde)
                + ": FileInstall separates the factory PID from the name with '-' in file names, so it"
                + " became a plain configuration '" + pid + "' that nothing uses. Rename the file to "
                + renamed + " (it then becomes " + pid + ").");
    }

    private static String fileName(String file) {
        try {
            return Path.of(file.startsWith("file:") ? URI.create(file).getPath() : file).getFileName().toString();
        } catch (IllegalArgumentException e) {
            return file;
        }
    }

    private Configuration[] fromFiles(String filter) {
        try {
            Configuration[] found = configurationAdmin.listConfigurations(filter);
            return found == null ? new Configuration[0] : found;
        } catch (IOException | InvalidSyntaxException e) {
            LOG.debug("cannot list configurations {}", filter, e);
            return new Configuration[0];
        }
    }
}
