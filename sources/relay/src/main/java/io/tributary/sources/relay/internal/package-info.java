/**
 * The relay source: paths pulled from upstream RTSP cameras and servers, on demand or
 * always on, reconnecting with backoff while readers stay attached. Not exported.
 */
package io.tributary.sources.relay.internal;
