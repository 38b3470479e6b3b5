/**
 * RTSPS: TLS on the RTSP control connection. A control listener recognises TLS by a client's
 * first bytes and hands the engine a server-mode {@link javax.net.ssl.SSLEngine} made from the
 * configured (or a generated development) certificate, which is reloaded when its files change.
 * Not exported.
 */
package io.tributary.transports.tls.internal;
