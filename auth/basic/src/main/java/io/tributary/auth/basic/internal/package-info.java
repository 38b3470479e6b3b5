/**
 * HTTP Basic authentication for RTSP (RFC 7617), offered only on encrypted connections
 * unless configured otherwise: Basic sends the password itself. Not exported.
 */
package io.tributary.auth.basic.internal;
