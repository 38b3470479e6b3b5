/**
 * H.265/HEVC over RTP (RFC 7798, without DONL: {@code sprop-max-don-diff} 0): the {@code H265}
 * payload format service, its {@code hvcC} configuration and {@code sprop-vps/sps/pps}, and
 * the packet headers of single NAL unit, aggregation and fragmentation packets. Not exported.
 */
package io.tributary.codecs.h265.internal;
