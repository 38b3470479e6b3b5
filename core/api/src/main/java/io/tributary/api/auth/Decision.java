package io.tributary.api.auth;

/** An {@link Authorizer}'s answer. */
public enum Decision {
    /** Allowed: the request goes on. */
    PERMIT,
    /** Refused: no other authorizer is asked. */
    DENY,
    /** No opinion: the next authorizer (by service ranking) is asked; when none has one, the request is refused. */
    ABSTAIN
}
