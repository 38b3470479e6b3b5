/**
 * SDP (RFC 4566) as immutable records, with a writer and a tolerant-but-structured parser.
 * Parse errors are {@link io.tributary.rtsp.message.RtspException}s with status 400 and a
 * reason naming the line.
 */
@Export
@Version("0.1.0")
package io.tributary.rtsp.sdp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
