package io.tributary.engine.live;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Packetizer;
import io.tributary.api.source.StreamPublisher;
import io.tributary.engine.session.Playback;
import io.tributary.rtsp.rtp.NtpTime;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one stream of a live path: each access unit a source publishes is packetized once
 * into a {@link LiveFrame} and handed to every reader. Keeps the frames since the last
 * video keyframe (with its parameter sets), so that a new reader starts at once on a
 * picture it can decode instead of waiting up to a GOP.
 */
public final class LiveStream implements StreamPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);

    /**
     * What a reader needs when it joins: the cached frames to send first (the reader holds a
     * reference to each, to release once sent) and where each track starts.
     */
    record Join(List<LiveFrame> cached, long firstLiveIndex, List<Playback.TrackStart> starts) {
    }

    private final String path;
    private final LiveTrack[] tracks;
    private final IntFunction<Packetizer> packetizers;
    private final int keyTrack;
    private final int maxCacheBytes;
    private final Runnable onEnd;
    private final ArrayDeque<LiveFrame> cache = new ArrayDeque<>();
    private final Map<ScheduledExecutorService, ReaderGroup> groups = new HashMap<>();
    private long cacheBytes;
    private boolean cacheValid;
    private long nextFrameIndex;
    private long unitsReceived;
    private long unitsDropped;
    private boolean ended;
    /** How far the source's wall clock is behind ours, taken at its first sender report. */
    private Long sourceClockLagMillis;

    /**
     * @param packetizers   the packetizer of a track, or null while its payload format is missing
     * @param payloadTypes  the RTP payload type of each track, as in the path's SDP
     * @param maxCacheBytes bound of the keyframe cache; a longer GOP is not cached
     * @param onEnd         run once when the stream ends
     */
    public LiveStream(String path, MediaDescription media, IntFunction<Packetizer> packetizers,
                      IntFunction<Integer> payloadTypes, int maxCacheBytes, Runnable onEnd) {
        this.path = path;
        this.packetizers = packetizers;
        this.maxCacheBytes = maxCacheBytes;
        this.onEnd = onEnd;
        this.tracks = new LiveTrack[media.tracks().size()];
        int video = -1;
        for (TrackDescription track : media.tracks()) {
            tracks[track.index()] = new LiveTrack(track, payloadTypes.apply(track.index()));
            if (video < 0 && track.type() == MediaType.VIDEO) {
                video = track.index();
            }
        }
        this.keyTrack = video;
    }

    @Override
    public void publish(AccessUnit unit) {
        List<ReaderGroup> targets;
        LiveFrame frame;
        synchronized (this) {
            unitsReceived++;
            if (ended || unit.track() < 0 || unit.track() >= tracks.length) {
                unitsDropped++;
                return;
            }
            Packetizer packetizer = packetizers.apply(unit.track());
            if (packetizer == null) {
                unitsDropped++;
                return;
            }
            try {
                frame = tracks[unit.track()].frame(nextFrameIndex++, unit, packetizer);
            } catch (RuntimeException e) {
                unitsDropped++;
                LOG.debug("{}: dropping an access unit of track {}: {}", path, unit.track(), e.toString());
                return;
            }
            cache(frame);
            targets = new ArrayList<>(groups.values());
        }
        for (ReaderGroup group : targets) {
            group.offer(frame.retain());
        }
        frame.release(); // the cache and the groups hold it now, if anyone
    }

    @Override
    public synchronized void discontinuity() {
        for (LiveTrack track : tracks) {
            track.discontinuity();
        }
        sourceClockLagMillis = null;
        for (ReaderGroup group : groups.values()) {
            for (LiveReader reader : group.readers()) {
                reader.streamRestarted();
            }
        }
    }

    @Override
    public synchronized void senderReport(int track, long ntpTime, long timestamp) {
        if (track < 0 || track >= tracks.length) {
            return;
        }
        long sourceMillis = NtpTime.toEpochMillis(ntpTime);
        if (sourceClockLagMillis == null) {
            sourceClockLagMillis = System.currentTimeMillis() - sourceMillis;
        }
        tracks[track].sourceReport(sourceMillis, timestamp);
    }

    /** Keeps the frames of all tracks since the last keyframe of the video track. */
    private void cache(LiveFrame frame) {
        if (keyTrack < 0) {
            return;
        }
        if (frame.track() == keyTrack && frame.keyframe()) {
            clearCache();
            cacheValid = true;
        }
        if (!cacheValid) {
            return;
        }
        if (cacheBytes + frame.size() > maxCacheBytes) {
            LOG.debug("{}: GOP larger than the cache ({} bytes); new readers wait for the next keyframe", path,
                    maxCacheBytes);
            clearCache();
            cacheValid = false;
            return;
        }
        cache.add(frame.retain());
        cacheBytes += frame.size();
    }

    private void clearCache() {
        cache.forEach(LiveFrame::release);
        cache.clear();
        cacheBytes = 0;
    }

    /** Adds a reader that runs on {@code loop}; null when the stream has ended. */
    synchronized Join join(LiveReader reader, ScheduledExecutorService loop) {
        if (ended) {
            return null;
        }
        groups.computeIfAbsent(loop, ReaderGroup::new).add(reader);
        List<LiveFrame> cached = List.copyOf(cache);
        cached.forEach(LiveFrame::retain); // the reader's, until it has sent them
        return new Join(cached, nextFrameIndex, starts(cached));
    }

    /** Each track's first packet for a reader that receives {@code first} before live frames. */
    private List<Playback.TrackStart> starts(List<LiveFrame> first) {
        List<Playback.TrackStart> starts = new ArrayList<>();
        for (LiveTrack track : tracks) {
            LiveFrame earliest = first.stream().filter(f -> f.track() == track.index).findFirst().orElse(null);
            starts.add(earliest != null
                    ? new Playback.TrackStart(track.index, earliest.firstSequence(), earliest.rtpTime())
                    : new Playback.TrackStart(track.index, track.nextSequence(), track.rtpTimeNow()));
        }
        return starts;
    }

    /** Where each track continues now (for a reader resuming after PAUSE). */
    synchronized List<Playback.TrackStart> current() {
        return starts(List.of());
    }

    synchronized void leave(LiveReader reader, ScheduledExecutorService loop) {
        ReaderGroup group = groups.get(loop);
        if (group != null && group.remove(reader)) {
            groups.remove(loop);
        }
    }

    /** A sender report of a track for this moment, into {@code dst}. */
    synchronized void writeSenderReport(int track, ByteBuffer dst) {
        tracks[track].writeSenderReport(dst, sourceClockLagMillis);
    }

    public long ssrc(int track) {
        return tracks[track].ssrc;
    }

    boolean isVideo(int track) {
        return tracks[track].video;
    }

    @Override
    public void end() {
        List<LiveReader> readers = new ArrayList<>();
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            for (ReaderGroup group : groups.values()) {
                readers.addAll(List.of(group.readers()));
            }
            groups.clear();
            clearCache();
        }
        LOG.info("live stream {} ended ({} readers)", path, readers.size());
        onEnd.run();
        for (LiveReader reader : readers) {
            reader.streamEnded();
        }
    }

    public synchronized boolean ended() {
        return ended;
    }

    public synchronized int readers() {
        return groups.values().stream().mapToInt(g -> g.readers().length).sum();
    }

    public synchronized long unitsReceived() {
        return unitsReceived;
    }

    public synchronized long unitsDropped() {
        return unitsDropped;
    }
}
