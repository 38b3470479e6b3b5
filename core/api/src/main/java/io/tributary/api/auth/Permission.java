package io.tributary.api.auth;

/** What a user may do on a path. */
public enum Permission {
    /** DESCRIBE, SETUP, PLAY, PAUSE, GET_PARAMETER… of a path's readers. */
    READ,
    /** ANNOUNCE, SETUP {@code mode=record} and RECORD. */
    PUBLISH,
    /** Administration: console, REST, kicking sessions. */
    ADMIN
}
