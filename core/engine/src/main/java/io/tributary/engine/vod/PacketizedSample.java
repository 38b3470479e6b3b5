package io.tributary.engine.vod;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One sample of a track cut into RTP payloads, shared read-only by every session that
 * plays it. Sessions add their own 12-byte RTP header in front of each payload.
 *
 * @param decodeTime       decode time in the track's clock units (pacing)
 * @param presentationTime presentation time in clock units (RTP timestamp before offsets)
 * @param keyframe         sync sample
 * @param payloads         RTP payloads in order (read-only; duplicate before reading)
 * @param markerOnLast     whether the last payload carries the RTP marker bit
 * @param bytes            total payload bytes (cache weight, RTCP octet count)
 */
record PacketizedSample(long decodeTime, long presentationTime, boolean keyframe, List<ByteBuffer> payloads,
                        boolean markerOnLast, int bytes) {
}
