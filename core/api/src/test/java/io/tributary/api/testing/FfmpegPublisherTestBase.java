package io.tributary.api.testing;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.PayloadFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of a payload format's tests against a real publisher ({@link FfmpegRtpPublisher}): each
 * test is skipped where ffmpeg is not installed, gets a {@link #work} directory for ffmpeg's
 * files and a time limit, and runs what ffmpeg sent through the {@link #format}'s depacketizer
 * and through a relay of the format (packetizer, depacketizer).
 *
 * @param <F> the payload format under test
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
public abstract class FfmpegPublisherTestBase<F extends PayloadFormat> {
    /** RTP timestamps are unsigned 32-bit: differences between them are taken modulo 2^32. */
    protected static final long RTP_TIMESTAMP_MASK = 0xFFFF_FFFFL;

    protected final F format;
    @TempDir
    protected Path work;
    private final int relayPayloadSize;

    /**
     * @param relayPayloadSize a relay's payload size, best smaller than ffmpeg's so that the
     *                         relay cuts units differently
     */
    protected FfmpegPublisherTestBase(F format, int relayPayloadSize) {
        this.format = format;
        this.relayPayloadSize = relayPayloadSize;
    }

    @BeforeEach
    protected final void needsFfmpeg() {
        FfmpegRtpPublisher.assumeInstalled();
    }

    /** What a receiver of the publisher gets: {@code packets} through a new depacketizer of the format. */
    protected final List<AccessUnit> depacketize(TrackDescription track, List<RtpPacket> packets) {
        return PayloadRoundTrip.depacketize(format.depacketizer(track), packets);
    }

    /** What a reader of a relayed stream gets: packetized for it, sent, depacketized. */
    protected final List<AccessUnit> relay(TrackDescription track, List<AccessUnit> units) {
        return PayloadRoundTrip.relay(format, track, relayPayloadSize, units);
    }
}
