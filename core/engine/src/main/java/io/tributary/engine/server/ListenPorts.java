package io.tributary.engine.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The RTSP ports to listen on, from {@code ports = 554, 8554} (commas or spaces between
 * numbers). Port 0 asks the system for a free port (tests).
 *
 * @param ports in the order given, without repeats
 */
record ListenPorts(List<Integer> ports) {
    /** Below this, binding needs privileges on Linux (root, CAP_NET_BIND_SERVICE or a lowered sysctl). */
    static final int FIRST_UNPRIVILEGED = 1024;

    ListenPorts {
        ports = List.copyOf(ports);
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("no RTSP port given");
        }
    }

    /**
     * @param ports  the {@code ports} setting
     * @param legacy the older single {@code port} setting; used instead when not 0
     * @throws IllegalArgumentException naming what is not a port
     */
    static ListenPorts parse(String ports, int legacy) {
        if (legacy != 0) {
            return new ListenPorts(List.of(check(legacy)));
        }
        Set<Integer> parsed = new LinkedHashSet<>();
        for (String token : ports.trim().split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            try {
                parsed.add(check(Integer.parseInt(token)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + token + "' in ports = " + ports + " is not a port number");
            }
        }
        return new ListenPorts(new ArrayList<>(parsed));
    }

    private static int check(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 1..65535");
        }
        return port;
    }

    /** Why a port could not be bound, in words an operator can act on. */
    static String whyNot(int port, Throwable failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        if (port != 0 && port < FIRST_UNPRIVILEGED && message.contains("Permission denied")) {
            return "ports below 1024 need root or CAP_NET_BIND_SERVICE (e.g. setcap cap_net_bind_service=+ep on"
                    + " the java binary, or sysctl net.ipv4.ip_unprivileged_port_start=" + port + ")";
        }
        if (message.contains("Address already in use")) {
            return "another program listens there";
        }
        return message;
    }
}
