package io.tributary.engine.session;

/** Why a session ended; the names appear in logs and in {@code SessionEvent.reason}. */
public enum SessionEndReason {
    TEARDOWN("teardown"),
    TIMEOUT("timeout"),
    CONNECTION_CLOSED("closed"),
    END_OF_STREAM("end-of-stream"),
    TRANSPORT_GONE("transport-gone"),
    FORMAT_GONE("format-gone"),
    SOURCE_GONE("source-gone"),
    SHUTDOWN("shutdown"),
    KICKED("kicked"),
    SLOW_READER("slow-reader"),
    ERROR("error");

    private final String label;

    SessionEndReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
