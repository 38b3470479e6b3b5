package io.tributary.rtsp.header;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a {@code Transport} header (RFC 2326 §12.39, RFC 7826 §18.54).
 *
 * <p>Absent parameters are {@code null}. Parameters this record does not model are kept,
 * in order, in {@code extensions} (name → value, value empty for flags) so that a server
 * can echo or ignore them.
 *
 * @param profile     transport protocol and profile, e.g. {@code RTP/AVP} or {@code RTP/SAVP}
 * @param lower       lower transport; {@code UDP} when the spec did not say
 * @param multicast   {@code true} for {@code multicast}, {@code false} for {@code unicast} or unspecified
 * @param destination {@code destination=} address, or null
 * @param source      {@code source=} address, or null
 * @param clientPort  {@code client_port=}, or null
 * @param serverPort  {@code server_port=}, or null
 * @param port        {@code port=} (multicast), or null
 * @param interleaved {@code interleaved=} channels, or null
 * @param ttl         {@code ttl=}, or null
 * @param ssrc        {@code ssrc=} as sent (hex), or null
 * @param mode        {@code mode=} without quotes, upper-cased (PLAY, RECORD, RECEIVE), or null
 * @param extensions  other parameters in order; never null
 */
public record TransportSpec(
        String profile,
        LowerTransport lower,
        boolean multicast,
        String destination,
        String source,
        PortRange clientPort,
        PortRange serverPort,
        PortRange port,
        PortRange interleaved,
        Integer ttl,
        String ssrc,
        String mode,
        Map<String, String> extensions) {

    public TransportSpec {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(lower, "lower");
        if (extensions != null) {
            extensions.forEach((name, value) -> {
                Objects.requireNonNull(name, "extension name");
                Objects.requireNonNull(value, "extension value");
            });
        }
        // keeps the order in which the parameters were sent, so that formatting is stable
        extensions = extensions == null || extensions.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /**
     * The key transports register under ({@code tributary.transport.profile}):
     * profile and lower transport, e.g. {@code RTP/AVP/UDP} or {@code RTP/AVP/TCP}, with
     * {@code ;multicast} for multicast ({@code RTP/AVP/UDP;multicast}): another service serves it.
     */
    public String profileKey() {
        return profile + "/" + lower + (multicast ? ";multicast" : "");
    }

    /** {@code true} when {@code mode} is RECORD or RECEIVE (a publisher's SETUP). */
    public boolean isRecord() {
        return "RECORD".equals(mode) || "RECEIVE".equals(mode);
    }

    public TransportSpec withServerPort(PortRange value) {
        return new TransportSpec(profile, lower, multicast, destination, source, clientPort, value,
                port, interleaved, ttl, ssrc, mode, extensions);
    }

    public TransportSpec withInterleaved(PortRange value) {
        return new TransportSpec(profile, lower, multicast, destination, source, clientPort, serverPort,
                port, value, ttl, ssrc, mode, extensions);
    }

    public TransportSpec withSsrc(String value) {
        return new TransportSpec(profile, lower, multicast, destination, source, clientPort, serverPort,
                port, interleaved, ttl, value, mode, extensions);
    }

    public TransportSpec withAddresses(String newSource, String newDestination) {
        return new TransportSpec(profile, lower, multicast, newDestination, newSource, clientPort,
                serverPort, port, interleaved, ttl, ssrc, mode, extensions);
    }

    /** The same spec without parameters a server does not echo ({@code extensions}). */
    public TransportSpec withoutExtensions() {
        return new TransportSpec(profile, lower, multicast, destination, source, clientPort, serverPort,
                port, interleaved, ttl, ssrc, mode, Map.of());
    }
}
