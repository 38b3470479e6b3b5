/**
 * How media travels: transports bind a SETUP's Transport spec to a sink for one track.
 */
@Export
@Version("0.2.0")
package io.tributary.api.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
