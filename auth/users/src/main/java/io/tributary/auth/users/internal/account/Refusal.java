package io.tributary.auth.users.internal.account;

import java.io.Serial;

/**
 * A change to the users refused, with the one-line reason the operator reads (on the command
 * line's error stream, or in the console's notice). Not a failure of the program: no stack
 * trace is kept.
 */
public final class Refusal extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public Refusal(String reason) {
        super(reason, null, false, false);
    }
}
