package io.tributary.launcher;

/** Tributary could not start; the message says why, for a person to read. */
public final class StartupException extends Exception {

    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
