/**
 * The subset of MIKEY (RFC 3830) that RTSP servers and clients use to hand SRTP keys to each
 * other (RFC 4567: {@code a=key-mgmt:mikey} in the SDP, the {@code KeyMgmt} header in SETUP):
 * unencrypted pre-shared-key messages, relying on TLS (RTSPS) for secrecy, as GStreamer makes
 * them. Immutable records, a bounded parser that throws nothing but {@link
 * io.tributary.rtsp.mikey.MikeyException}, a writer, and {@link io.tributary.rtsp.mikey.MikeySrtp}
 * between messages and {@link io.tributary.rtsp.srtp.SrtpPolicy}.
 */
@Export
@Version("0.1.0")
package io.tributary.rtsp.mikey;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
