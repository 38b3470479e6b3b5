package io.tributary.engine.publish;

import io.tributary.api.media.MediaDescription;
import io.tributary.api.source.Publication;
import java.util.List;

/**
 * A path a publisher announced on its connection, waiting for SETUP and RECORD.
 *
 * @param path         the announced path
 * @param media        its tracks
 * @param payloadTypes the publisher's payload type of each track
 * @param publication  the claim the publish target granted
 */
public record Announcement(String path, MediaDescription media, List<Integer> payloadTypes, Publication publication) {
    public Announcement {
        payloadTypes = List.copyOf(payloadTypes);
    }
}
