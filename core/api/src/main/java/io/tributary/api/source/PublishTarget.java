package io.tributary.api.source;

import io.tributary.api.media.MediaDescription;
import java.net.InetSocketAddress;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Accepts media that RTSP clients push with ANNOUNCE and RECORD (encoders, ffmpeg, OBS).
 * The engine receives and depacketizes the RTP; this service decides who may publish where,
 * and makes the published media readable (usually by also being the
 * {@link MediaSourceProvider} of those paths). The engine asks the services in ranking order.
 */
@ConsumerType
public interface PublishTarget {
    /**
     * Claims {@code path} for one publisher. Called off the I/O threads when ANNOUNCE
     * arrives; the publication begins delivering units after RECORD.
     *
     * @param path        the request path, decoded, starting with {@code /}
     * @param description the tracks of the publisher's SDP, described by the payload formats
     * @param publisher   the publisher's address, for logs and policies
     * @return the publication, or {@code null} when this service does not take the path
     * @throws io.tributary.rtsp.message.RtspException to refuse with a status, e.g.
     *         455 when another publisher holds the path
     */
    Publication announce(String path, MediaDescription description, InetSocketAddress publisher);
}
