package io.tributary.launcher;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
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
record RtspEndpoint(String host, int port) {

    static final String CONFIG_FILE = "io.tributary.engine.rtsp.cfg";
    private static final Logger LOG = LoggerFactory.getLogger(RtspEndpoint.class);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    static RtspEndpoint of(Path etc, Map<String, String> frameworkProperties, OptionalInt requestedPort)
            throws StartupException {
        Properties config = load(etc.resolve(CONFIG_FILE));
        String host = substitute(config.getProperty("host", ""), frameworkProperties).trim();
        String rawPort = config.getProperty("port");
        int port = FrameworkProperties.DEFAULT_RTSP_PORT;
        if (rawPort != null) {
            String value = substitute(rawPort, frameworkProperties).trim();
            try {
                port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new StartupException("etc/" + CONFIG_FILE + ": port = " + rawPort
                        + " is not a port number ('" + value + "')");
            }
        }
        if (requestedPort.isPresent() && requestedPort.getAsInt() != port) {
            LOG.warn("--rtsp-port {} has no effect: etc/{} sets port = {}", requestedPort.getAsInt(),
                    CONFIG_FILE, rawPort);
        }
        return new RtspEndpoint(host, port);
    }

    /** Whether something accepts TCP connections there, trying until the timeout. */
    boolean awaitListening(Duration timeout) throws InterruptedException {
        String target = host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(target, port), 200);
                return true;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(20);
            }
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
