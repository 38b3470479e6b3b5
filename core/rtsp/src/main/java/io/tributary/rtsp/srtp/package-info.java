/**
 * SRTP and SRTCP (RFC 3711) with the crypto suites {@code AES_CM_128_HMAC_SHA1_80} and
 * {@code AES_CM_128_HMAC_SHA1_32}: key derivation (key derivation rate 0), AES in counter
 * mode, HMAC-SHA1 tags, rollover counter and index estimation, a 64-packet replay window.
 *
 * <p>One {@link io.tributary.rtsp.srtp.SrtpSender} or {@link io.tributary.rtsp.srtp.SrtpReceiver}
 * per master key, SSRC and direction. They are built for the per-packet hot path: JDK crypto
 * objects are made once, a packet is processed without allocating, and bad input is reported
 * as a negative {@link io.tributary.rtsp.srtp.SrtpError} code, never as an exception. Neither is
 * thread-safe.
 */
@Export
@Version("0.1.0")
package io.tributary.rtsp.srtp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
