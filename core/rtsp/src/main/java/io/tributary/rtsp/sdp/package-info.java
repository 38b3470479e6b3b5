/**
 * SDP (RFC 4566) as immutable records, with a writer and a tolerant-but-structured parser,
 * and the parameters of an {@code a=fmtp} value ({@link io.tributary.rtsp.sdp.FmtpParameters},
 * which never throws). SDP parse errors are {@link io.tributary.rtsp.message.RtspException}s
 * with status 400 and a reason naming the line.
 */
@Export
@Version("0.4.0")
package io.tributary.rtsp.sdp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
