package io.tributary.api.auth;

/** Right credentials with an expired nonce: answered with a fresh challenge and {@code stale=true}. */
public final class StaleNonceException extends Exception {
    public StaleNonceException() {
        super("stale nonce", null, false, false);
    }
}
