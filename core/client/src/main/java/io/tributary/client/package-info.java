/**
 * An asynchronous RTSP 1.0 client on Netty: play from cameras and servers (relay source,
 * tests), publish with ANNOUNCE/RECORD. Every operation returns a {@link java.util.concurrent.CompletionStage}
 * completed on the session's event loop; nothing blocks a loop thread, and every step has a
 * timeout that names the URL and the step.
 *
 * <p>Entry point: {@link io.tributary.client.RtspClient#connect}.
 */
@Export
@Version("0.1.0")
package io.tributary.client;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
