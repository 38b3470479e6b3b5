/**
 * AAC over RTP (RFC 3640, mode AAC-hbr): the {@code MPEG4-GENERIC} payload format service,
 * its AudioSpecificConfig, packetizer and depacketizer. Not exported.
 */
package io.tributary.codecs.aac.internal;
