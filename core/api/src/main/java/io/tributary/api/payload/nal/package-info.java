/**
 * Building blocks for payload formats of NAL-unit video (H.264, RFC 6184; H.265, RFC 7798):
 * access units as NAL units with 4-byte length prefixes, their reassembly from single,
 * aggregation and fragmentation packets, and the cutting of access units into such packets.
 * Codec bundles supply only their header layouts.
 */
@Export
@Version("0.1.0")
package io.tributary.api.payload.nal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
