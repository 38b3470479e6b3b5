/**
 * Where media comes from: providers resolve a path to a live or seekable source.
 */
@Export
@Version("0.4.0")
package io.tributary.api.source;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
