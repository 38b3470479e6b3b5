/**
 * RTP and RTCP wire formats (RFC 3550): header parse and write, sender reports, BYE, and a
 * compound-packet parser. Parsers return null or partial results on malformed input and
 * never throw; writers put at the buffer's position and advance it.
 */
@Export
@Version("0.1.0")
package io.tributary.rtsp.rtp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
