/**
 * RTSP over HTTP (QuickTime's tunnelling, spoken by VLC, QuickTime, GStreamer's {@code rtsph://}
 * and ffmpeg's {@code -rtsp_transport http}): a GET whose reply carries the RTSP connection's
 * responses and interleaved media, and POSTs whose base64 bodies carry its requests, joined by
 * the client's {@code x-sessioncookie} and address. A control listener recognises the two
 * requests by their first bytes on the RTSP port (and inside TLS: {@code rtspsh://}) and on a
 * port of its own. Not exported.
 */
package io.tributary.transports.httptunnel.internal;
