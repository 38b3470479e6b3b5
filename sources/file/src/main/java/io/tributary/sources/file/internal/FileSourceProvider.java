package io.tributary.sources.file.internal;

import io.tributary.api.source.MediaSource;
import io.tributary.api.source.MediaSourceProvider;
import io.tributary.sources.file.internal.container.ContainerFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves media files (any container {@link io.tributary.sources.file.internal.container.ContainerFiles}
 * opens): {@code /vod/<path>} plays {@code <mediaDirectory>/<path>} on demand, and the demo path
 * plays the demo clip (looping by default). Relative directories resolve against
 * the framework property {@code tributary.home} (default: the working directory).
 */
@Component(service = MediaSourceProvider.class, property = MediaSourceProvider.SCHEME + "=file",
        configurationPid = FileSourceProvider.PID)
@Designate(ocd = FileSourceProvider.Config.class)
public final class FileSourceProvider implements MediaSourceProvider {
    static final String PID = "io.tributary.sources.file";
    static final String HOME_PROPERTY = "tributary.home";

    private static final Logger LOG = LoggerFactory.getLogger(FileSourceProvider.class);

    @ObjectClassDefinition(name = "Tributary file source",
            description = "Serves files on demand (MP4/MOV, fragmented MP4, Matroska/WebM, MPEG-TS), and a demo clip.")
    public @interface Config {
        @AttributeDefinition(description = "Directory of the files served under the VOD prefix; "
                + "relative to tributary.home. Default: media")
        String mediaDirectory() default "media";

        @AttributeDefinition(description = "Request path prefix of on-demand files. Default: /vod/")
        String vodPrefix() default "/vod/";

        @AttributeDefinition(description = "Request path of the demo clip; empty to disable it. Default: /demo")
        String demoPath() default "/demo";

        @AttributeDefinition(description = "The demo clip; relative to tributary.home. Default: demo/demo.mp4")
        String demoFile() default "demo/demo.mp4";

        @AttributeDefinition(description = "Whether the demo clip restarts at its end, with running timestamps. "
                + "Default: true")
        boolean demoLoops() default true;

        @AttributeDefinition(description = "When files without a creation time of their own started recording, "
                + "for seeks by absolute time (Range: clock=): entries <path>=<UTC time>, the path relative to the "
                + "media directory; a path ending in / covers every file under that folder. Files with neither "
                + "start at their modification time minus their duration. Default: none")
        String[] wallClockAnchors() default {};
    }

    private final MediaPaths paths;
    private final boolean demoLoops;
    private final ClockAnchors anchors;
    /** Opens files; holds the MPEG-TS indexes while the component is active. */
    private final ContainerFiles containers = new ContainerFiles();

    @Activate
    public FileSourceProvider(BundleContext context, Config config) {
        this(home(context.getProperty(HOME_PROPERTY)), config);
    }

    FileSourceProvider(Path home, Config config) {
        String vodPrefix = directoryPrefix(config.vodPrefix());
        this.paths = new MediaPaths(home.resolve(config.mediaDirectory()), vodPrefix, config.demoPath(),
                home.resolve(config.demoFile()));
        this.demoLoops = config.demoLoops();
        this.anchors = new ClockAnchors(paths.mediaDirectory(), config.wallClockAnchors());
        if (anchors.size() > 0) {
            LOG.info("File source: {} wall-clock anchors configured", anchors.size());
        }
        if (config.demoPath().isBlank()) {
            LOG.info("File source: {} serves {}; no demo", vodPrefix, paths.mediaDirectory());
        } else {
            LOG.info("File source: {} serves {}; {} plays {}{}", vodPrefix, paths.mediaDirectory(),
                    config.demoPath(), paths.demoFile(), demoLoops ? " in a loop" : "");
            if (!Files.isRegularFile(paths.demoFile())) {
                LOG.warn("Demo file {} is missing: {} will answer 404", paths.demoFile(), config.demoPath());
            }
        }
    }

    @Override
    public Optional<MediaSource> open(String path) throws IOException {
        Optional<MediaPaths.Target> target = paths.resolve(path);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Path file = target.get().file();
        return Optional.of(FileSource.open(containers, file, target.get().demo() && demoLoops, anchors.of(file)));
    }

    /** Frees the cached indexes now rather than when this instance is collected; open files play on. */
    @Deactivate
    void deactivate() {
        containers.clear();
    }

    private static Path home(String property) {
        return (property == null || property.isBlank() ? Path.of("") : Path.of(property)).toAbsolutePath();
    }

    /** The prefix with a leading and a trailing slash, so that {@code /vod} cannot match {@code /vodka}. */
    private static String directoryPrefix(String prefix) {
        String p = prefix.startsWith("/") ? prefix : "/" + prefix;
        return p.endsWith("/") ? p : p + "/";
    }
}
