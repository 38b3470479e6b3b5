package io.tributary.itest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace with nothing in it but its loopback interface, brought up with multicast
 * on and a route that sends the multicast groups of {@code route} there: multicast sent inside
 * never reaches a real network. Unlike {@link NetworkNamespace} it has no link to this host, so
 * everything that talks to a server inside runs inside ({@link #run}, {@link #start}). Needs
 * root and iproute2; {@link #close()} stops what it started and deletes it.
 */
final class LoopbackNamespace implements AutoCloseable {
    private final String name;
    private final List<Process> started = new ArrayList<>();

    private LoopbackNamespace(String name) {
        this.name = name;
    }

    /** @param route the multicast range routed to the loopback interface, e.g. 239.255.0.0/16 */
    static LoopbackNamespace create(String route) throws IOException, InterruptedException {
        ExternalTool.require("ip");
        LoopbackNamespace ns = new LoopbackNamespace("tribmc" + ThreadLocalRandom.current().nextInt(1 << 16));
        try {
            ip("netns", "add", ns.name);
            ip("netns", "exec", ns.name, "ip", "link", "set", "lo", "up", "multicast", "on");
            ip("netns", "exec", ns.name, "ip", "route", "add", route, "dev", "lo");
        } catch (IOException | InterruptedException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** Runs a command inside the namespace to its end (or the time limit). */
    ExternalTool.Result run(Duration timeout, String... command) throws IOException, InterruptedException {
        return ExternalTool.run(timeout, inside(command));
    }

    /** Starts a command inside the namespace, its output (stdout and stderr) to {@code log}; stopped by {@link #close()}. */
    Process start(Path log, String... command) throws IOException {
        Process process = new ProcessBuilder(inside(command)).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        synchronized (started) {
            started.add(process);
        }
        return process;
    }

    private String[] inside(String... command) {
        return NetworkNamespace.inside(name, command);
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        NetworkNamespace.ip(args);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        List<Process> processes;
        synchronized (started) {
            processes = new ArrayList<>(started);
        }
        for (Process process : processes) {
            process.destroy(); // a server stops its framework cleanly on SIGTERM
        }
        for (Process process : processes) {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        ExternalTool.run(Duration.ofSeconds(10), "ip", "netns", "del", name);
    }
}
