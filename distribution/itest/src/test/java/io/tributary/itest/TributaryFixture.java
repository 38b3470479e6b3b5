package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.launcher.RunningTributary;
import io.tributary.launcher.StartupException;
import io.tributary.launcher.Tributary;
import io.tributary.launcher.TributaryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osgi.framework.BundleContext;

/**
 * One Tributary per test class, started in this JVM on a real Felix from a fresh copy of the
 * assembled distribution ({@code -Dtributary.dist}, set by the pom), on free ports.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TributaryFixture tributary = new TributaryFixture();
 * }</pre>
 *
 * <p>Tests may change the copy freely (delete plugin jars from {@link #deploy()}, edit
 * {@link #etc()}); it is deleted afterwards.
 */
public final class TributaryFixture implements BeforeAllCallback, AfterAllCallback {

    private static final Duration RTSP_TIMEOUT = Duration.ofSeconds(10);
    /** The console administrator every test instance gets (the first start would otherwise make one up). */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "itest-admin-secret";

    private final Supplier<Map<String, String>> config;
    private Path home;
    private RunningTributary running;
    private int tlsPort;

    public TributaryFixture() {
        this(Map.of());
    }

    /** @param config lines to append to {@code etc/<pid>.cfg} before start, by PID */
    public TributaryFixture(Map<String, String> config) {
        Map<String, String> copy = Map.copyOf(config);
        this.config = () -> copy;
    }

    /**
     * @param config like {@link #TributaryFixture(Map)}, computed at start: it may name what
     *               exists only then (another fixture's port, a test server's)
     */
    public TributaryFixture(Supplier<Map<String, String>> config) {
        this.config = config;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path dist = distribution();
        home = Files.createTempDirectory("tributary-itest-");
        copyTree(dist, home);
        // The UDP transport binds one server port pair: give this instance its own.
        Files.writeString(etc().resolve("io.tributary.transports.udp.cfg"),
                "rtpPort = " + freeUdpPortPair() + "\n");
        // RTSPS's own port (322 by default) too: instances in one JVM must not share it
        tlsPort = freePort();
        Files.writeString(etc().resolve("io.tributary.transports.tls.cfg"), "port = " + tlsPort + "\n");
        // These instances run on the host's network: a multicast SETUP would join and send on a real
        // interface. Multicast is tested inside a network namespace of its own (MulticastTest).
        Files.writeString(etc().resolve("io.tributary.transports.multicast.cfg"), "enabled = false\n");
        for (Map.Entry<String, String> entry : config.get().entrySet()) {
            Files.writeString(etc().resolve(entry.getKey() + ".cfg"), "\n" + entry.getValue() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        addUser(ADMIN_USER, ADMIN_PASSWORD, "admin:/**");
        TributaryOptions options = TributaryOptions.of(home)
                .withRtspPort(freePort())
                .withHttpPort(freePort());
        try {
            running = Tributary.start(options);
        } catch (StartupException e) {
            fail("Tributary did not start from " + home + ":\n" + e.getMessage(), e);
        }
        if (!Await.until(RTSP_TIMEOUT, () -> accepts(running.rtspPort()))) {
            fail("nothing accepts connections on RTSP port " + running.rtspPort() + " after "
                    + RTSP_TIMEOUT.toSeconds() + " s (is io.tributary.core.engine's component active?)");
        }
        System.out.printf("Tributary started in %d ms in %s (RTSP %d, HTTP %d)%n",
                running.startupTime().toMillis(), home, running.rtspPort(), running.httpPort());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (running != null) {
            running.stop();
            running = null;
        }
        if (home != null) {
            deleteTree(home);
            home = null;
        }
    }

    /**
     * Adds a user with {@code tributary user add} (before or while the server runs: a running
     * server applies it within a second).
     */
    public void addUser(String name, String password, String... permits) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("add", name));
        for (String permit : permits) {
            args.add("--permit");
            args.add(permit);
        }
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = io.tributary.launcher.Users.run(home, etc(), args,
                new java.io.ByteArrayInputStream((password + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                null, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), new java.io.PrintStream(err));
        if (status != 0) {
            throw new IllegalStateException("tributary user add " + name + " failed: " + err);
        }
    }

    /** The {@code Authorization} value of the console administrator. */
    public static String adminAuthorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (ADMIN_USER + ":" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public RunningTributary running() {
        return running;
    }

    public BundleContext bundleContext() {
        return running.bundleContext();
    }

    public Path home() {
        return home;
    }

    public Path deploy() {
        return home.resolve("deploy");
    }

    public Path etc() {
        return home.resolve("etc");
    }

    public int rtspPort() {
        return running.rtspPort();
    }

    /**
     * Writes {@code etc/<name>.cfg} of a running instance (FileInstall applies it within about a
     * second), e.g. {@code io.tributary.path-cam1} for the factory configuration
     * {@code io.tributary.path~cam1} (FileInstall reads a dash as the factory separator).
     */
    public void writeConfig(String name, String lines) throws IOException {
        Files.writeString(etc().resolve(name + ".cfg"), lines + "\n");
    }

    /** The port where only RTSPS is spoken (it is also recognised on {@link #rtspPort()}). */
    public int tlsPort() {
        return tlsPort;
    }

    public int httpPort() {
        return running.httpPort();
    }

    /** The plugin jar in deploy/ whose file name starts with the bundle's symbolic name. */
    public Path deployedJar(String symbolicName) throws IOException {
        try (Stream<Path> files = Files.list(deploy())) {
            return files.filter(f -> f.getFileName().toString().startsWith(symbolicName + "-")
                            && f.getFileName().toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + symbolicName + "-*.jar in " + deploy()));
        }
    }

    private static Path distribution() {
        String property = System.getProperty("tributary.dist");
        if (property == null) {
            throw new IllegalStateException("system property tributary.dist is not set (see distribution/itest/pom.xml)");
        }
        Path dist = Path.of(property).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dist.resolve("tributary.jar")) || !Files.isDirectory(dist.resolve("system"))) {
            throw new IllegalStateException(dist + " is not an assembled distribution: build distribution/app first");
        }
        return dist;
    }

    /** Copies the distribution, without the framework cache of an earlier run. */
    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = from.relativize(dir);
                if (relative.startsWith("data")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(relative.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** An even UDP port whose successor is free too (RTP + RTCP). */
    private static int freeUdpPortPair() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (DatagramSocket rtp = new DatagramSocket(0)) {
                int port = rtp.getLocalPort();
                if (port % 2 != 0 || port >= 65535) {
                    continue;
                }
                try (DatagramSocket rtcp = new DatagramSocket(port + 1)) {
                    return port;
                } catch (SocketException e) {
                    // taken: try another pair
                }
            }
        }
        throw new IOException("no free UDP port pair found");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
