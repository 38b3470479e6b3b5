/**
 * Paths as plugins configure rules for them: patterns such as {@code /cams/**} (users'
 * permissions, multicast paths, any per-path setting), matched the same way everywhere.
 */
@Export
@Version("0.1.0")
package io.tributary.api.path;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
