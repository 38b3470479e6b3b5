/**
 * What flows: descriptions of media and tracks, access units and RTP packets.
 */
@Export
@Version("0.2.0")
package io.tributary.api.media;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
