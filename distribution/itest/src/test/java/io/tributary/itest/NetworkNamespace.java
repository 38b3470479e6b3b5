package io.tributary.itest;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * "Another host" for tests: a network namespace joined to this one by a veth pair on a /30 of
 * its own (10.213.N.0/30: this side .1, the namespace .2). Programs run inside it with
 * {@link #run}; the server, listening on all interfaces, sees them come from {@link #clientAddress()}.
 * Needs root and iproute2 ({@code .ci/run} installs it); deleted again by {@link #close()}.
 */
final class NetworkNamespace implements AutoCloseable {
    private final String name;
    private final String hostSide;
    private final int subnet;

    private NetworkNamespace(String name, String hostSide, int subnet) {
        this.name = name;
        this.hostSide = hostSide;
        this.subnet = subnet;
    }

    static NetworkNamespace create() throws IOException, InterruptedException {
        ExternalTool.require("ip");
        int id = ThreadLocalRandom.current().nextInt(1 << 16);
        int subnet = id & 0xff;
        String name = "trib" + id;
        String hostSide = "tv" + id + "a";
        String inside = "tv" + id + "b";
        NetworkNamespace ns = new NetworkNamespace(name, hostSide, subnet);
        try {
            ip("netns", "add", name);
            ip("link", "add", hostSide, "type", "veth", "peer", "name", inside);
            ip("link", "set", inside, "netns", name);
            ip("addr", "add", ns.serverAddress() + "/30", "dev", hostSide);
            ip("link", "set", hostSide, "up");
            ip("netns", "exec", name, "ip", "addr", "add", ns.clientAddress() + "/30", "dev", inside);
            ip("netns", "exec", name, "ip", "link", "set", inside, "up");
            ip("netns", "exec", name, "ip", "link", "set", "lo", "up");
        } catch (IOException | InterruptedException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** This host's address as the namespace reaches it. */
    String serverAddress() {
        return "10.213." + subnet + ".1";
    }

    /** The namespace's address, where its connections come from. */
    String clientAddress() {
        return "10.213." + subnet + ".2";
    }

    /** Runs a command inside the namespace. */
    ExternalTool.Result run(Duration timeout, String... command) throws IOException, InterruptedException {
        return ExternalTool.run(timeout, inside(name, command));
    }

    /** {@code command} as run inside the namespace {@code name}. */
    static String[] inside(String name, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        return full.toArray(String[]::new);
    }

    /** Runs {@code ip} with {@code args}; fails with its error output. */
    static void ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        ExternalTool.Result result = ExternalTool.run(Duration.ofSeconds(10), command.toArray(String[]::new));
        if (result.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + result.stderr());
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        ExternalTool.run(Duration.ofSeconds(10), "ip", "link", "del", hostSide);
        ExternalTool.run(Duration.ofSeconds(10), "ip", "netns", "del", name);
    }
}
