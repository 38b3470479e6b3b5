package io.tributary.admin.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class FileInstallConfigurationHandlerTest {
    private static final String PID = "io.tributary.engine.rtsp";
    private static final String FILE = "file:/opt/tributary/etc/io.tributary.engine.rtsp.cfg";

    private final Map<String, Dictionary<String, Object>> stored = new HashMap<>();
    private final List<String> filters = new ArrayList<>();
    private final FileInstallConfigurationHandler handler = new FileInstallConfigurationHandler(configurationAdmin());

    @Test
    void theFileNameIsHiddenFromTheEditorSoThatTheConsoleKeepsIt() {
        List<String> names = new ArrayList<>(List.of("port", FileInstallConfigurationHandler.FILENAME, "host"));
        handler.filterProperties(null, PID, names);
        assertEquals(List.of("port", "host"), names);
    }

    @Test
    void valuesOfAConfigurationFromAPlainCfgFileAreSavedAsStrings() throws Exception {
        stored.put(PID, dictionary("service.pid", PID, FileInstallConfigurationHandler.FILENAME, FILE,
                "port", "8554", "host", "", "sessionTimeoutSeconds", "60"));
        Dictionary<String, Object> saved = dictionary("port", 8554, "host", "", "sessionTimeoutSeconds", 42,
                "demoLoops", true, "paths", new String[] {"/a", "/b"});

        handler.updateConfiguration(null, PID, saved);

        assertEquals("8554", saved.get("port"));
        assertEquals("", saved.get("host"));
        assertEquals("42", saved.get("sessionTimeoutSeconds"));
        assertEquals("true", saved.get("demoLoops"));
        assertArrayEquals(new String[] {"/a", "/b"}, (String[]) saved.get("paths"), "arrays are left as they are");
        assertEquals(List.of("(service.pid=" + PID + ")"), filters);
    }

    @Test
    void typesAreKeptForATypedFile() throws Exception {
        stored.put(PID, dictionary("service.pid", PID, FileInstallConfigurationHandler.FILENAME, FILE,
                "port", 8554));
        Dictionary<String, Object> saved = dictionary("port", 9554);
        handler.updateConfiguration(null, PID, saved);
        assertEquals(9554, saved.get("port"));
    }

    @Test
    void typesAreKeptForAConfigurationWithoutFile() throws Exception {
        stored.put(PID, dictionary("service.pid", PID, "port", "8554"));
        Dictionary<String, Object> saved = dictionary("port", 9554);
        handler.updateConfiguration(null, PID, saved);
        assertEquals(9554, saved.get("port"));
    }

    @Test
    void typesAreKeptForANewConfiguration() throws Exception {
        Dictionary<String, Object> saved = dictionary("port", 9554);
        handler.updateConfiguration(null, "new.pid", saved);
        assertEquals(9554, saved.get("port"));
    }

    @Test
    void filterValuesAreEscaped() {
        assertEquals("a\\(b\\)\\*\\\\c", FileInstallConfigurationHandler.escapeFilterValue("a(b)*\\c"));
    }

    private static Dictionary<String, Object> dictionary(Object... keysAndValues) {
        Hashtable<String, Object> dictionary = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            dictionary.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return dictionary;
    }

    /** Answers listConfigurations("(service.pid=…)") from {@link #stored}. */
    private ConfigurationAdmin configurationAdmin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("listConfigurations")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String filter = (String) args[0];
                    filters.add(filter);
                    String pid = filter.substring("(service.pid=".length(), filter.length() - 1);
                    Dictionary<String, Object> properties = stored.get(pid);
                    return properties == null ? null : new Configuration[] {configuration(properties)};
                });
    }

    private Configuration configuration(Dictionary<String, Object> properties) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getProperties")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Hashtable<String, Object> copy = new Hashtable<>();
                    for (String key : Collections.list(properties.keys())) {
                        copy.put(key, properties.get(key));
                    }
                    return copy;
                });
    }
}
