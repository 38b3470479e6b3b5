package io.tributary.transports.tls.internal;

/** A certificate or key file that cannot be used; the message names the file and says why. */
final class MaterialException extends Exception {
    private static final long serialVersionUID = 1L;

    MaterialException(String message) {
        super(message);
    }

    MaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
