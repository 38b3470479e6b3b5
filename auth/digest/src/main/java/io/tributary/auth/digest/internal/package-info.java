/**
 * HTTP Digest authentication for RTSP (RFC 7616, with RFC 2069's answer without {@code qop}
 * that older clients still send): challenges with stateless nonces, answers checked against
 * the HA1 hashes of the installed credential stores. Not exported.
 */
package io.tributary.auth.digest.internal;
