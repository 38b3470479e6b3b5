package io.tributary.api.auth;

/** A login or permission was refused; the message says why, without secrets. */
public final class AccessDeniedException extends Exception {
    /** Whether the client should (re)send credentials: false when they were right but not enough. */
    private final boolean authenticate;

    public AccessDeniedException(String message, boolean authenticate) {
        super(message, null, false, false);
        this.authenticate = authenticate;
    }

    /** {@code true}: ask for credentials (401); {@code false}: forbidden (403). */
    public boolean authenticate() {
        return authenticate;
    }
}
