package io.tributary.rtsp.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Header fields of one message: ordered, names compared case-insensitively, a name may
 * repeat. Immutable: {@link #add}, {@link #set} and {@link #remove} return a new value.
 *
 * <p>Names and values live in one flat array; a message has a dozen headers, so a linear
 * scan beats hashing and copying on change costs less than a builder would.
 */
public final class RtspHeaders {
    public static final String ACCEPT = "Accept";
    /** RFC 7826 §18.5: the range formats a client understands, and those a resource takes. */
    public static final String ACCEPT_RANGES = "Accept-Ranges";
    public static final String ALLOW = "Allow";
    public static final String AUTHORIZATION = "Authorization";
    public static final String CONTENT_BASE = "Content-Base";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CSEQ = "CSeq";
    public static final String DATE = "Date";
    /** RFC 7826 §18.29: seekability, retention and scales of a resource. */
    public static final String MEDIA_PROPERTIES = "Media-Properties";
    /** RFC 7826 §18.30: the range a resource can be played in now. */
    public static final String MEDIA_RANGE = "Media-Range";
    /** RFC 7826 §18.32: why a PLAY_NOTIFY was sent. */
    public static final String NOTIFY_REASON = "Notify-Reason";
    /** RFC 7826 §18.33: binds requests sent before the session id is known to the session they set up. */
    public static final String PIPELINED_REQUESTS = "Pipelined-Requests";
    public static final String PUBLIC = "Public";
    public static final String PROXY_REQUIRE = "Proxy-Require";
    public static final String RANGE = "Range";
    /** RFC 7826 §18.41: the outcome of an earlier request, in a PLAY_NOTIFY. */
    public static final String REQUEST_STATUS = "Request-Status";
    public static final String REQUIRE = "Require";
    public static final String RTP_INFO = "RTP-Info";
    public static final String SCALE = "Scale";
    /** RFC 7826 §18.47: where a seek may start relative to the requested point. */
    public static final String SEEK_STYLE = "Seek-Style";
    public static final String SERVER = "Server";
    public static final String SESSION = "Session";
    public static final String SPEED = "Speed";
    /** RFC 7826 §18.51: the feature tags an agent implements. */
    public static final String SUPPORTED = "Supported";
    /** RFC 7826 §18.52: why the server ends a session (in its TEARDOWN). */
    public static final String TERMINATE_REASON = "Terminate-Reason";
    public static final String TRANSPORT = "Transport";
    public static final String UNSUPPORTED = "Unsupported";
    public static final String USER_AGENT = "User-Agent";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private static final RtspHeaders EMPTY = new RtspHeaders(new String[0]);

    /** name0, value0, name1, value1, …; never shared with a caller. */
    private final String[] fields;

    private RtspHeaders(String[] fields) {
        this.fields = fields;
    }

    public static RtspHeaders empty() {
        return EMPTY;
    }

    /** Headers from alternating names and values: {@code of("CSeq", "1", "Session", "abc")}. */
    public static RtspHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must pair up");
        }
        for (String s : namesAndValues) {
            if (s == null) {
                throw new NullPointerException("header name or value");
            }
        }
        return namesAndValues.length == 0 ? EMPTY : new RtspHeaders(namesAndValues.clone());
    }

    /** For the decoder: takes ownership of a list it will not touch again. */
    static RtspHeaders ofList(List<String> namesAndValues) {
        return namesAndValues.isEmpty() ? EMPTY : new RtspHeaders(namesAndValues.toArray(new String[0]));
    }

    /** The first value of {@code name}, or null. */
    public String get(String name) {
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return fields[i + 1];
            }
        }
        return null;
    }

    /** All values of {@code name} in order; empty when absent. */
    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>(2);
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                values.add(fields[i + 1]);
            }
        }
        return List.copyOf(values);
    }

    public boolean contains(String name) {
        return get(name) != null;
    }

    /** Distinct names in order of first appearance, spelled as first seen. */
    public List<String> names() {
        List<String> names = new ArrayList<>(size());
        outer:
        for (int i = 0; i < fields.length; i += 2) {
            for (String seen : names) {
                if (seen.equalsIgnoreCase(fields[i])) {
                    continue outer;
                }
            }
            names.add(fields[i]);
        }
        return List.copyOf(names);
    }

    /** Number of fields, counting repeated names. */
    public int size() {
        return fields.length / 2;
    }

    /** The name of field {@code index} (0 ≤ index &lt; size), as sent. */
    public String name(int index) {
        return fields[2 * index];
    }

    /** The value of field {@code index} (0 ≤ index &lt; size). */
    public String value(int index) {
        return fields[2 * index + 1];
    }

    /** These headers plus {@code name: value} at the end. */
    public RtspHeaders add(String name, String value) {
        checkField(name, value);
        String[] copy = Arrays.copyOf(fields, fields.length + 2);
        copy[fields.length] = name;
        copy[fields.length + 1] = value;
        return new RtspHeaders(copy);
    }

    /** These headers with every {@code name} field replaced by one {@code name: value}. */
    public RtspHeaders set(String name, String value) {
        checkField(name, value);
        return remove(name).add(name, value);
    }

    /** These headers without any {@code name} field. */
    public RtspHeaders remove(String name) {
        int keep = 0;
        for (int i = 0; i < fields.length; i += 2) {
            if (!fields[i].equalsIgnoreCase(name)) {
                keep += 2;
            }
        }
        if (keep == fields.length) {
            return this;
        }
        String[] copy = new String[keep];
        int j = 0;
        for (int i = 0; i < fields.length; i += 2) {
            if (!fields[i].equalsIgnoreCase(name)) {
                copy[j++] = fields[i];
                copy[j++] = fields[i + 1];
            }
        }
        return new RtspHeaders(copy);
    }

    private static void checkField(String name, String value) {
        if (name == null || value == null) {
            throw new NullPointerException("header name or value");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtspHeaders other && Arrays.equals(fields, other.fields);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fields);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < fields.length; i += 2) {
            // credentials never reach a log through toString()
            boolean secret = fields[i].regionMatches(true, fields[i].length() - 13, "authorization", 0, 13);
            sb.append(i == 0 ? "" : ", ").append(fields[i]).append(": ").append(secret ? "***" : fields[i + 1]);
        }
        return sb.append('}').toString();
    }
}
