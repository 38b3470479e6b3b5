package io.tributary.sources.file.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.source.SeekableSource;
import io.tributary.sources.file.internal.container.ContainerFile;
import io.tributary.sources.file.internal.container.ContainerFiles;
import io.tributary.sources.file.internal.container.ContainerTrack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stored file (any container {@link ContainerFiles} opens) as a {@link SeekableSource}. Times
 * are those of {@link ContainerTrack}: in each track's RTP clock, on a timeline shared by all tracks. The description
 * carries the duration also when looping: it is the period after which a loop restarts.
 * Thread-safe.
 */
final class FileSource implements SeekableSource {
    private static final Logger LOG = LoggerFactory.getLogger(FileSource.class);

    private final ContainerFile file;
    private final MediaDescription description;
    private final Instant wallClockStart;

    private FileSource(ContainerFile file, MediaDescription description, Instant wallClockStart) {
        this.file = file;
        this.description = description;
        this.wallClockStart = wallClockStart;
    }

    /**
     * @param containers the opener of the file's container
     * @param looping    whether the media restarts at its end (the demo clip)
     * @param configured when the media starts on the wall clock as configured, for files whose
     *                   container does not say
     * @throws IOException when the file cannot be read or played; the message says why
     */
    static FileSource open(ContainerFiles containers, Path path, boolean looping, Optional<Instant> configured)
            throws IOException {
        ContainerFile file = containers.open(path);
        List<TrackDescription> tracks = new ArrayList<>();
        Duration duration = Duration.ZERO;
        for (ContainerTrack track : file.tracks()) {
            var format = track.format();
            tracks.add(new TrackDescription(tracks.size(), format.type(), format.encoding(), format.codecConfig(),
                    format.width(), format.height(), track.bitrate()));
            duration = duration.compareTo(track.duration()) < 0 ? track.duration() : duration;
        }
        LOG.debug("opened {} ({}): {}", path, file.format(), tracks);
        return new FileSource(file, new MediaDescription(path.getFileName().toString(), tracks, duration, looping),
                wallClockStart(file, path, duration, configured));
    }

    /**
     * When the file's media starts on the wall clock: its creation time, else the anchor configured
     * for it, else (a recorder that wrote none) its modification time minus its duration, i.e. the
     * file was closed when its recording ended.
     */
    private static Instant wallClockStart(ContainerFile file, Path path, Duration duration,
                                          Optional<Instant> configured) throws IOException {
        Optional<Instant> created = file.created().or(() -> configured);
        if (created.isPresent()) {
            return created.get();
        }
        return Files.getLastModifiedTime(path).toInstant().minus(duration);
    }

    @Override
    public Optional<Instant> wallClockStart() {
        return Optional.of(wallClockStart);
    }

    @Override
    public MediaDescription description() {
        return description;
    }

    @Override
    public int sampleCount(int track) {
        return file.tracks().get(track).sampleCount();
    }

    @Override
    public int seekIndex(int track, long time) {
        return file.tracks().get(track).seekIndex(time);
    }

    @Override
    public long decodeTime(int track, int index) {
        return file.tracks().get(track).decodeTime(index);
    }

    @Override
    public long presentationTime(int track, int index) {
        return file.tracks().get(track).presentationTime(index);
    }

    @Override
    public AccessUnit read(int track, int index) throws IOException {
        ContainerTrack t = file.tracks().get(track);
        boolean keyframe = t.format().type() == MediaType.AUDIO || t.isSync(index);
        return new AccessUnit(track, t.presentationTime(index), t.decodeTime(index), keyframe, file.read(track, index));
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", description.title(), e.toString());
        }
    }
}
