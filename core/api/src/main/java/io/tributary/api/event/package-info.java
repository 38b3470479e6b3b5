/**
 * Session and stream lifecycle events for admin, metrics and recording.
 */
@Export
@Version("0.1.0")
package io.tributary.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
