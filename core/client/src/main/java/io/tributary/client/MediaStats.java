package io.tributary.client;

/**
 * Counters of one session since it started.
 *
 * @param rtpPackets  RTP packets delivered to the listener
 * @param rtcpPackets RTCP packets delivered to the listener
 * @param dropped     packets received but not delivered (unknown channel, foreign sender,
 *                    not RTP) plus packets {@link ClientSession#sendRtp} could not queue
 * @param bytes       bytes of delivered packets
 */
public record MediaStats(long rtpPackets, long rtcpPackets, long dropped, long bytes) {
}
