package io.tributary.admin.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import org.apache.felix.webconsole.spi.ConfigurationHandler;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Makes a save in the web console's Configuration tab reach the configuration's
 * {@code etc/*.cfg} file, so that it survives a restart (the framework cache, where Config
 * Admin keeps configurations, is wiped at every start: the files are the only record).
 * <p>
 * FileInstall loads each {@code etc/<pid>.cfg} with the property {@value #FILENAME}, and on a
 * {@code CM_UPDATED} of a configuration that still has it, writes the configuration back to
 * that file ({@code felix.fileinstall.enableConfigSave}, default true). The console used to
 * drop the property on save; this handler, a hook of the console's own SPI, keeps it, and keeps
 * the file readable as written (see {@link #updateConfiguration}).
 * <p>
 * Why this and not a {@code ConfigurationListener} that puts the property back after the
 * console's save: that would be a second update of every saved configuration (the component
 * is modified twice, the first time without the file link), racing FileInstall's own listener,
 * guessing the file from the PID, and needing care not to loop. Here the console's single
 * {@code update} already carries everything.
 */
@Component(service = ConfigurationHandler.class)
public final class FileInstallConfigurationHandler implements ConfigurationHandler {
    /** FileInstall's property naming the file a configuration came from (a {@code file:} URI). */
    static final String FILENAME = "felix.fileinstall.filename";

    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public FileInstallConfigurationHandler(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    /**
     * Hides {@value #FILENAME} from the console's editor, which makes the console keep it.
     * <p>
     * Web Console 5.0.18 saves ({@code ConfigAdminSupport.applyConfiguration}, for the editor's
     * {@code apply=true}) only the properties named in the form's {@code propertylist}, the
     * fields shown: that is how {@value #FILENAME} got lost. But it first removes the properties
     * that handlers filter out here, hides them from the editor, and after the form's values (and
     * {@link #updateConfiguration}) copies their stored values back into what it saves, whatever
     * the form says. So hiding the property is what keeps it, and it also keeps users from
     * editing it.
     */
    @Override
    public void filterProperties(String factoryPid, String pid, Collection<String> propertyNames) {
        propertyNames.remove(FILENAME);
    }

    /**
     * Stores the values of a configuration loaded from a plain {@code .cfg} file as strings, as
     * FileInstall loaded them, so that FileInstall writes the file back in the same plain form.
     * <p>
     * The console converts each field to its metatype type ({@code Integer} for the RTSP
     * port...). FileInstall writes a configuration that holds any non-string value in its typed
     * syntax ({@code port = I"8554"}), rewriting every line of the file from its substituted
     * value: {@code port = ${tributary.rtsp.port}} would become the port in use, pinned, and
     * {@code --rtsp-port} ignored from then on. With strings only, FileInstall changes just the
     * lines whose value changed and keeps the others as written, placeholders included. The
     * components see no difference: they already get these values as strings at every start.
     * Files written typed (some non-string value stored) are left to the console's types.
     */
    @Override
    public void updateConfiguration(String factoryPid, String pid, Dictionary<String, Object> properties)
            throws IOException {
        Dictionary<String, Object> stored = storedProperties(pid);
        if (stored != null && isFromUntypedFile(stored)) {
            toStrings(properties);
        }
    }

    @Override
    public void createConfiguration(String pid) {
        // no objection
    }

    @Override
    public void createFactoryConfiguration(String factoryPid, String name) {
        // no objection
    }

    @Override
    public void deleteConfiguration(String factoryPid, String pid) {
        // no objection (FileInstall deletes the file of a deleted configuration itself)
    }

    /** The stored properties of {@code pid}, or null if there is no such configuration (yet). */
    private Dictionary<String, Object> storedProperties(String pid) throws IOException {
        if (pid == null) {
            return null;
        }
        Configuration[] configurations;
        try {
            // listConfigurations, not getConfiguration: neither creates nor binds one.
            configurations = configurationAdmin.listConfigurations(
                    "(" + Constants.SERVICE_PID + "=" + escapeFilterValue(pid) + ")");
        } catch (InvalidSyntaxException e) {
            return null;
        }
        return configurations == null || configurations.length == 0 ? null : configurations[0].getProperties();
    }

    /** Whether FileInstall loaded these properties from an untyped file: a file name and strings only. */
    static boolean isFromUntypedFile(Dictionary<String, Object> stored) {
        if (!(stored.get(FILENAME) instanceof String)) {
            return false;
        }
        for (String key : Collections.list(stored.keys())) {
            if (!(stored.get(key) instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** Replaces single numbers, booleans and characters by their string form; leaves arrays and lists. */
    static void toStrings(Dictionary<String, Object> properties) {
        for (String key : Collections.list(properties.keys())) {
            Object value = properties.get(key);
            if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
                properties.put(key, value.toString());
            }
        }
    }

    /** RFC 1960 escaping of {@code \ * ( )} in a filter value. */
    static String escapeFilterValue(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
