package io.tributary.itest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * What the server holds, seen from inside its JVM (the test's): its open connections and file
 * descriptors from {@code /proc}, its sessions from the engine's {@code TributaryRuntime} service,
 * and how fast it answers a newcomer.
 */
final class ServerWatch {
    private static final String RUNTIME = "io.tributary.api.runtime.TributaryRuntime";

    private ServerWatch() {
    }

    /** File descriptors this JVM has open: the server's and the test's own. */
    static int openFileDescriptors() throws IOException {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            int n = 0;
            for (Path ignored : fds) {
                n++;
            }
            return n;
        }
    }

    /**
     * Connections the server has accepted on {@code port} and not yet closed: this JVM's TCP
     * sockets whose local port is {@code port}, except the listening one. The test's own client
     * sockets have {@code port} as their remote port and are not counted.
     */
    static int serverConnections(int port) throws IOException {
        Set<String> mine = socketInodes();
        int n = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 10) {
                    continue;
                }
                String local = f[1];
                int localPort = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
                boolean listening = "0A".equals(f[3]);
                if (localPort == port && !listening && mine.contains(f[9])) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Set<String> socketInodes() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return inodes;
    }

    /**
     * The server's sessions by client address, from the engine's {@code TributaryRuntime}
     * service. The API is not on the test's class path (bundles come from the assembled
     * distribution), so it is called through the engine bundle's own view of it.
     */
    static Map<String, Integer> sessionsByClient(BundleContext context) {
        ServiceReference<?> reference = context.getServiceReference(RUNTIME);
        if (reference == null) {
            throw new IllegalStateException("no " + RUNTIME + " service");
        }
        Object runtime = context.getService(reference);
        try {
            Class<?> api = reference.getBundle().loadClass(RUNTIME);
            List<?> sessions = (List<?>) api.getMethod("sessions").invoke(runtime);
            Map<String, Integer> byClient = new TreeMap<>();
            for (Object session : sessions) {
                InetSocketAddress client = (InetSocketAddress) session.getClass().getMethod("client").invoke(session);
                byClient.merge(client.getAddress().getHostAddress(), 1, Integer::sum);
            }
            return byClient;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the sessions of " + RUNTIME, e);
        } finally {
            context.ungetService(reference);
        }
    }

    static int sessions(BundleContext context) {
        return sessionsByClient(context).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How a newcomer is served: the status of an OPTIONS on a new connection and the time to its answer. */
    record Probe(int status, long millis) {
        @Override
        public String toString() {
            return status < 0 ? "no answer" : status + " in " + millis + " ms";
        }
    }

    /** An OPTIONS from a client at {@code from} that has not connected before. */
    static Probe options(String from, int port) {
        long start = System.nanoTime();
        try (RawRtsp rtsp = new RawRtsp(from, port, 0)) {
            int status = rtsp.request("OPTIONS", "*", 1).status();
            return new Probe(status, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Probe(-1, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Heap in use after a collection, in MiB (the server's and the test's). */
    static long usedHeapMegabytes() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }
}
