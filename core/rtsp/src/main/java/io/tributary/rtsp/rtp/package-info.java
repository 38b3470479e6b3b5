/**
 * RTP and RTCP wire formats (RFC 3550): header parse and write, sender reports, BYE, a
 * compound-packet parser, and the ordering of received sequence numbers
 * ({@link io.tributary.rtsp.rtp.RtpSequence}). Parsers return null or partial results on
 * malformed input and never throw; writers put at the buffer's position and advance it.
 */
@Export
@Version("0.2.0")
package io.tributary.rtsp.rtp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
