/**
 * Payload formats: one service per RTP encoding name that writes SDP and (de)packetizes.
 */
@Export
@Version("0.2.0")
package io.tributary.api.payload;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
