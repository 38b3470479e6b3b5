package io.tributary.itest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace with nothing in it but its loopback interface (127.0.0.1 and ::1), brought
 * up with multicast on and routes that send the given multicast groups there, IPv4 and IPv6:
 * multicast sent inside never reaches a real network. Unlike {@link NetworkNamespace} it has no
 * link to this host, so everything that talks to a server inside runs inside ({@link #run},
 * {@link #start}). Needs root and iproute2; {@link #close()} stops what it started and deletes it.
 */
final class LoopbackNamespace implements AutoCloseable {
    private final String name;
    private final List<Process> started = new ArrayList<>();

    private LoopbackNamespace(String name) {
        this.name = name;
    }

    /**
     * @param routes the multicast ranges routed to the loopback interface, of either family, e.g.
     *               239.255.0.0/16 and ff15::/64
     */
    static LoopbackNamespace create(String... routes) throws IOException, InterruptedException {
        ExternalTool.require("ip");
        LoopbackNamespace ns = new LoopbackNamespace("tribmc" + ThreadLocalRandom.current().nextInt(1 << 16));
        try {
            ip("netns", "add", ns.name);
            ip("netns", "exec", ns.name, "ip", "link", "set", "lo", "up", "multicast", "on");
            for (String route : routes) {
                if (route.contains(":")) {
                    ns.routeIpv6(route);
                } else {
                    ip("netns", "exec", ns.name, "ip", "route", "add", route, "dev", "lo");
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /**
     * Routes an IPv6 multicast range to lo. Linux turns a plain or {@code multicast} route via lo
     * into a reject route for anything but a local one (fib6_is_reject: "routes via loopback would
     * loop"): a sender's datagrams are dropped (Ip6OutNoRoutes) and a join without an interface
     * fails with ENODEV when there is no route at all. A {@code local} route in the local table
     * is kept: a datagram sent to a group goes out on lo, comes back in and reaches every socket
     * that joined the group (the join finds lo by the same route), once.
     */
    private void routeIpv6(String route) throws IOException, InterruptedException {
        ExternalTool.Result lo = ExternalTool.run(Duration.ofSeconds(10), inside("ip", "-6", "addr", "show", "dev",
                "lo"));
        if (!lo.stdout().contains("::1/128")) {
            throw new IOException("lo has no ::1 inside the namespace (IPv6 is off on this host?): " + lo.stdout()
                    + lo.stderr());
        }
        ip("netns", "exec", name, "ip", "-6", "route", "add", "local", route, "dev", "lo", "table", "local");
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
