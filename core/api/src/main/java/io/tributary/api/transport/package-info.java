/**
 * How media and control travel: transports bind a SETUP's Transport spec to a sink for one
 * track; control listeners take connections on the control ports by their first bytes.
 */
@Export
@Version("0.4.0")
package io.tributary.api.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
