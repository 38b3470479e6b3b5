package io.tributary.api.media;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a path offers: its tracks and how it can be played.
 *
 * @param title    session name for SDP {@code s=}; never null
 * @param tracks   tracks in control order; never empty
 * @param duration length of stored media (for looping media, the loop period); {@code null} for live media
 * @param looping  {@code true} when the source restarts at its end and timestamps continue
 *                 (a demo loop): served as open-ended, not seekable
 */
public record MediaDescription(String title, List<TrackDescription> tracks, Duration duration, boolean looping) {
    public MediaDescription {
        Objects.requireNonNull(title, "title");
        tracks = List.copyOf(tracks);
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("a media has at least one track");
        }
        for (int i = 0; i < tracks.size(); i++) {
            if (tracks.get(i).index() != i) {
                throw new IllegalArgumentException("track " + i + " has index " + tracks.get(i).index());
            }
        }
    }

    /** {@code true} when clients may seek ({@code a=range:npt=0-<duration>}). */
    public boolean seekable() {
        return duration != null && !looping;
    }
}
