/**
 * The publish source: paths fed by RTSP publishers (ANNOUNCE/RECORD), one publisher per
 * path, with a grace period for publishers that reconnect. Not exported.
 */
package io.tributary.sources.publish.internal;
