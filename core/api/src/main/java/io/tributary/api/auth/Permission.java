package io.tributary.api.auth;

/** What a user may do on a path. */
public enum Permission {
    /** DESCRIBE, SETUP and PLAY. */
    READ,
    /** ANNOUNCE and RECORD. */
    PUBLISH,
    /** Administration: console, REST, kicking sessions. */
    ADMIN
}
