/**
 * H.264 over RTP (RFC 6184, packetization-mode 1): the {@code H264} payload format service,
 * its {@code avcC} configuration, packetizer and depacketizer. Not exported.
 */
package io.tributary.codecs.h264.internal;
