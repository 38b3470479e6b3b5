/**
 * Typed RTSP header values: immutable records parsed at the edge and passed inward.
 * Parsers never throw on bad input except {@link io.tributary.rtsp.message.RtspException}
 * carrying the precise status (usually 400, 457 or 461).
 */
@Export
@Version("0.3.0")
package io.tributary.rtsp.header;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
