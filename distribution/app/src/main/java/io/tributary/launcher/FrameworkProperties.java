package io.tributary.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.osgi.framework.Constants;

/**
 * The framework properties of one run, in order of precedence (last wins): launcher defaults,
 * {@code etc/framework.properties}, command-line options, {@link TributaryOptions#frameworkProperties()}.
 */
final class FrameworkProperties {

    /** The runtime folder; bundles resolve relative paths (media, demo) against it. */
    static final String HOME = "tributary.home";
    /** The configuration folder; bundles resolve their files (certificates) against it. */
    static final String ETC = "tributary.etc";
    /** Substituted into {@code etc/io.tributary.engine.rtsp.cfg} ({@code ports = ${tributary.rtsp.ports}}). */
    static final String RTSP_PORTS = "tributary.rtsp.ports";
    /**
     * The first of them, for configuration folders made before several ports were possible
     * ({@code port = ${tributary.rtsp.port}}).
     */
    static final String RTSP_PORT = "tributary.rtsp.port";
    /** Substituted into {@code etc/io.tributary.sources.file.cfg} ({@code mediaDirectory = ${tributary.media}}). */
    static final String MEDIA = "tributary.media";
    static final String HTTP_PORT = "org.osgi.service.http.port";
    static final String HTTP_HOST = "org.apache.felix.http.host";
    static final String GOGO_ARGS = "gosh.args";
    static final String CONSOLE_SECURITY_PROVIDERS = "felix.webconsole.security.providers";
    static final String DEFAULT_RTSP_PORTS = "554, 8554";
    static final int DEFAULT_RTSP_PORT = 8554;
    static final int DEFAULT_HTTP_PORT = 8080;

    private FrameworkProperties() {
    }

    static Map<String, String> of(TributaryOptions options) throws StartupException {
        Path home = options.home();
        Map<String, String> p = new LinkedHashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, Layout.cache(home).toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // SLF4J lives on the framework class path (shared/STACK.md, trap 2).
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, Slf4jExports.exportPackage());
        p.put(HOME, home.toString());
        p.put(ETC, options.etc().toString());
        p.put(RTSP_PORTS, DEFAULT_RTSP_PORTS);
        p.put(RTSP_PORT, Integer.toString(DEFAULT_RTSP_PORT));
        p.put(MEDIA, Layout.media(home).toString());
        p.put(HTTP_HOST, "127.0.0.1");
        p.put(HTTP_PORT, Integer.toString(DEFAULT_HTTP_PORT));
        // Two FileInstall watchers: etc/ (configuration) and deploy/ (plugins, hot).
        p.put("felix.fileinstall.dir", options.etc() + "," + Layout.deploy(home));
        p.put("felix.fileinstall.filter", ".*\\.(cfg|config|jar)");
        p.put("felix.fileinstall.poll", "1000");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.log.level", "3");
        p.put("felix.fileinstall.log.default", "jul");
        p.putAll(fileProperties(Layout.frameworkProperties(options.etc())));

        if (!options.rtspPorts().isEmpty()) {
            p.put(RTSP_PORTS, options.rtspPorts().stream().map(String::valueOf).collect(Collectors.joining(", ")));
            p.put(RTSP_PORT, options.rtspPorts().get(0).toString());
        }
        options.httpPort().ifPresent(port -> p.put(HTTP_PORT, Integer.toString(port)));
        options.mediaDirectory().ifPresent(dir -> p.put(MEDIA, dir.toString()));
        if (!options.shell()) {
            p.put(GOGO_ARGS, "--nointeractive");
        }
        p.putAll(options.frameworkProperties());
        // The console opens only with Tributary's login (core/admin's ConsoleLogin: the same users as
        // RTSP), never with the console's own built-in password.
        p.put(CONSOLE_SECURITY_PROVIDERS, "tributary");
        return p;
    }

    private static Map<String, String> fileProperties(Path file) throws StartupException {
        Map<String, String> result = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return result;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new StartupException("cannot read " + file + ": " + e.getMessage(), e);
        }
        properties.stringPropertyNames().forEach(key -> result.put(key, properties.getProperty(key)));
        return result;
    }
}
