/**
 * RTSP messages: requests, responses, statuses, and the incremental decoder and encoder.
 * No I/O: the decoder consumes bytes the caller hands it.
 */
@Export
@Version("0.3.0")
package io.tributary.rtsp.message;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
