package io.tributary.rtsp.sdp;

import java.util.List;
import java.util.Objects;

/**
 * {@code a=name:value}, or {@code a=name} (a property attribute) when {@code value} is null.
 */
public record Attribute(String name, String value) {
    public Attribute {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty attribute name");
        }
    }

    /** The first attribute called {@code name} (case-sensitive, as SDP is), or null. */
    static Attribute find(List<Attribute> attributes, String name) {
        for (Attribute a : attributes) {
            if (a.name.equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** The value after {@code "<pt> "} of the first {@code name} attribute for payload type {@code pt}. */
    static String forPayloadType(List<Attribute> attributes, String name, int pt) {
        String prefix = pt + " ";
        for (Attribute a : attributes) {
            if (a.name.equals(name) && a.value != null && a.value.startsWith(prefix)) {
                return a.value.substring(prefix.length()).trim();
            }
        }
        return null;
    }
}
