package io.tributary.launcher;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the engine will listen, worked out from {@code etc/io.tributary.engine.rtsp.cfg} the
 * way FileInstall reads it ({@code ${name}} replaced by framework properties). The engine
 * itself takes the values from Config Admin; the launcher only needs them for its log line
 * and its readiness probe.
 */
record RtspEndpoint(String host, List<Integer> ports) {

    static final String CONFIG_FILE = "io.tributary.engine.rtsp.cfg";
    private static final Logger LOG = LoggerFactory.getLogger(RtspEndpoint.class);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    RtspEndpoint {
        ports = List.copyOf(ports);
    }

    /**
     * @param requestedPorts the {@code --rtsp-port} options (empty: none given); only said to be
     *                       ignored when the file pins other numbers
     */
    static RtspEndpoint of(Path etc, Map<String, String> frameworkProperties, List<Integer> requestedPorts)
            throws StartupException {
        Properties config = load(etc.resolve(CONFIG_FILE));
        String host = substitute(config.getProperty("host", ""), frameworkProperties).trim();
        // the engine's rule: a legacy single "port" wins over "ports"; neither: the launcher's defaults
        String legacy = substitute(config.getProperty("port", ""), frameworkProperties).trim();
        String key = legacy.isEmpty() || legacy.equals("0") ? "ports" : "port";
        String raw = config.getProperty(key, "${" + FrameworkProperties.RTSP_PORTS + "}");
        String value = substitute(raw, frameworkProperties).trim();
        List<Integer> ports = new ArrayList<>();
        for (String token : value.split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            try {
                ports.add(Integer.parseInt(token));
            } catch (NumberFormatException e) {
                throw new StartupException("etc/" + CONFIG_FILE + ": " + key + " = " + raw
                        + " is not a list of port numbers ('" + token + "')");
            }
        }
        if (ports.isEmpty()) {
            throw new StartupException("etc/" + CONFIG_FILE + ": " + key + " = " + raw + " names no port");
        }
        if (!requestedPorts.isEmpty() && !requestedPorts.equals(ports)) {
            LOG.warn("--rtsp-port {} has no effect: etc/{} sets {} = {}", requestedPorts, CONFIG_FILE, key, raw);
        }
        return new RtspEndpoint(host, ports);
    }

    /**
     * The ports where something accepts TCP connections, trying until one does or the timeout
     * (a privileged port the engine was not allowed to bind is simply not among them).
     */
    List<Integer> awaitListening(Duration timeout) throws InterruptedException {
        String target = host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Integer> listening = ports.stream().filter(port -> accepts(target, port)).toList();
            if (!listening.isEmpty() || System.nanoTime() > deadline) {
                return listening;
            }
            Thread.sleep(20);
        }
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties load(Path file) throws StartupException {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new StartupException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return properties;
    }

    private static String substitute(String raw, Map<String, String> properties) {
        Matcher m = VARIABLE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = properties.getOrDefault(m.group(1), System.getProperty(m.group(1), ""));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
