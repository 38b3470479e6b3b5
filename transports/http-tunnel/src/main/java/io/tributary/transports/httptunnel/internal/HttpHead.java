package io.tributary.transports.httptunnel.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The head of an HTTP/1.x request (RFC 9112 §2-5).
 *
 * @param method  the method, as sent (methods are case-sensitive)
 * @param target  the request target, as sent
 * @param version {@code HTTP/1.0} or {@code HTTP/1.1}
 * @param headers field values by lower-case name, in the order sent
 */
record HttpHead(String method, String target, String version, Map<String, List<String>> headers) {
    HttpHead {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** Every value of the field {@code name} (any case), in order; empty when absent. */
    List<String> values(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
