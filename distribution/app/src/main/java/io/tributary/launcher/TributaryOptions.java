package io.tributary.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to start one Tributary: the runtime folder and the few settings the command line can
 * override. Everything else comes from {@code <home>/etc/}.
 *
 * @param home the runtime folder (holds {@code system/}, {@code deploy/}, {@code etc/})
 * @param rtspPorts the RTSP ports, handed to Config Admin through the framework property
 *     {@value FrameworkProperties#RTSP_PORTS}; empty = {@value FrameworkProperties#DEFAULT_RTSP_PORTS}
 * @param httpPort the HTTP port of the console; empty = {@value FrameworkProperties#DEFAULT_HTTP_PORT}
 * @param shell whether the Gogo shell reads the terminal
 * @param mediaDirectory the folder served under {@code /vod/}; empty = {@code <home>/media}
 * @param frameworkProperties last-word framework properties (tests use it to tune FileInstall)
 * @param etc the configuration folder (users, certificates, {@code *.cfg}); {@code <home>/etc} by
 *     default. Another folder is created from {@code <home>/etc} on first start and never
 *     overwritten, so that what the operator and the console write survives a rebuild.
 */
public record TributaryOptions(
        Path home,
        List<Integer> rtspPorts,
        OptionalInt httpPort,
        boolean shell,
        Optional<Path> mediaDirectory,
        Map<String, String> frameworkProperties,
        Path etc) {

    public TributaryOptions {
        home = home.toAbsolutePath().normalize();
        etc = etc == null ? home.resolve("etc") : etc.toAbsolutePath().normalize();
        rtspPorts = List.copyOf(rtspPorts);
        Objects.requireNonNull(httpPort);
        mediaDirectory = mediaDirectory.map(p -> p.toAbsolutePath().normalize());
        frameworkProperties = Map.copyOf(frameworkProperties);
    }

    /** Defaults for a runtime folder: ports from etc/ or the built-in defaults, no shell. */
    public static TributaryOptions of(Path home) {
        return new TributaryOptions(home, List.of(), OptionalInt.empty(), false,
                Optional.empty(), Map.of(), null);
    }

    /** Listens on this port only. */
    public TributaryOptions withRtspPort(int port) {
        return withRtspPorts(List.of(port));
    }

    /** Listens on these ports ({@code --rtsp-port} repeated). */
    public TributaryOptions withRtspPorts(List<Integer> ports) {
        ports.forEach(TributaryOptions::checkPort);
        return new TributaryOptions(home, ports, httpPort, shell, mediaDirectory, frameworkProperties, etc);
    }

    public TributaryOptions withHttpPort(int port) {
        return new TributaryOptions(home, rtspPorts, OptionalInt.of(checkPort(port)), shell,
                mediaDirectory, frameworkProperties, etc);
    }

    public TributaryOptions withShell(boolean enabled) {
        return new TributaryOptions(home, rtspPorts, httpPort, enabled, mediaDirectory,
                frameworkProperties, etc);
    }

    public TributaryOptions withMediaDirectory(Path directory) {
        return new TributaryOptions(home, rtspPorts, httpPort, shell, Optional.of(directory),
                frameworkProperties, etc);
    }

    public TributaryOptions withFrameworkProperties(Map<String, String> properties) {
        return new TributaryOptions(home, rtspPorts, httpPort, shell, mediaDirectory, properties, etc);
    }

    public TributaryOptions withEtc(Path directory) {
        return new TributaryOptions(home, rtspPorts, httpPort, shell, mediaDirectory, frameworkProperties,
                directory);
    }

    private static int checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range 1..65535: " + port);
        }
        return port;
    }
}
