package io.tributary.sources.publish.internal;

import io.tributary.api.media.MediaDescription;
import io.tributary.api.source.MediaSource;
import io.tributary.api.source.MediaSourceProvider;
import io.tributary.api.source.Publication;
import io.tributary.api.source.PublishTarget;
import io.tributary.api.source.SourceStatus;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published paths: who publishes where (one publisher per path), and the live source
 * readers of those paths get. A path lives from its first ANNOUNCE until its publisher has
 * been gone for the grace period.
 */
@Component(service = {PublishTarget.class, MediaSourceProvider.class},
        property = MediaSourceProvider.SCHEME + "=publish", configurationPid = "io.tributary.sources.publish")
@Designate(ocd = PublishConfig.class)
public final class PublishedPaths implements PublishTarget, MediaSourceProvider {
    private static final Logger LOG = LoggerFactory.getLogger(PublishedPaths.class);

    private final Map<String, LivePath> paths = new HashMap<>();
    private final ScheduledExecutorService timer;
    private final Pattern allowed;
    private final long graceMillis;
    private final int maxPaths;

    @Activate
    public PublishedPaths(PublishConfig config) {
        this.allowed = Pattern.compile(config.allowedPaths());
        this.graceMillis = TimeUnit.SECONDS.toMillis(Math.max(0, config.graceSeconds()));
        this.maxPaths = config.maxPaths();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tributary-publish-grace");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        Map<String, LivePath> all;
        synchronized (paths) {
            all = new HashMap<>(paths);
            paths.clear();
        }
        all.values().forEach(LivePath::end);
    }

    @Override
    public Publication announce(String path, MediaDescription description, InetSocketAddress publisher) {
        if (!allowed.matcher(path).matches()) {
            return null;
        }
        LivePath replaced = null;
        Publication publication;
        synchronized (paths) {
            LivePath existing = paths.get(path);
            if (existing != null) {
                publication = existing.resume(description, publisher);
                if (publication != null) {
                    return publication;
                }
                if (existing.publishing()) {
                    throw new RtspException(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE,
                            path + " is already being published by " + existing.publisher());
                }
                replaced = existing;
                paths.remove(path);
            }
            if (paths.size() >= maxPaths) {
                throw new RtspException(RtspStatus.NOT_ENOUGH_BANDWIDTH, "too many published paths (" + maxPaths + ")");
            }
            LivePath created = new LivePath(path, description, timer, graceMillis, this::forget);
            publication = created.publish(publisher);
            paths.put(path, created);
        }
        if (replaced != null) {
            LOG.info("{}: a publisher with other tracks replaces the one that left", path);
            replaced.end();
        }
        LOG.info("{}: published by {} ({})", path, publisher, description.tracks().stream()
                .map(t -> t.encoding().name()).toList());
        return publication;
    }

    @Override
    public Optional<MediaSource> open(String path) {
        LivePath live;
        synchronized (paths) {
            live = paths.get(path);
        }
        return live == null ? Optional.empty() : Optional.of(new PublishedSource(live));
    }

    @Override
    public List<SourceStatus> statuses() {
        List<LivePath> all;
        synchronized (paths) {
            all = List.copyOf(paths.values());
        }
        return all.stream().map(LivePath::status).toList();
    }

    private void forget(LivePath path) {
        synchronized (paths) {
            paths.remove(path.path(), path);
        }
    }
}
