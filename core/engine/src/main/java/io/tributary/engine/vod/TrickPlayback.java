package io.tributary.engine.vod;

import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.source.SeekableSource;
import io.tributary.engine.frame.PooledFrame;
import io.tributary.engine.path.SharedSource;
import io.tributary.engine.session.Playback;
import io.tributary.rtsp.rtp.NtpTime;
import io.tributary.rtsp.rtp.RtcpBye;
import io.tributary.rtsp.rtp.RtcpSenderReport;
import io.tributary.rtsp.rtp.RtpHeader;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Fast forward and reverse of a file (RTSP {@code Scale} other than 1, RFC 2326 §12.34, RFC 7826
 * §18.46): the media position moves {@code scale} seconds per second of wall time, and the
 * video keyframe at each position goes out as the position passes it, so that only keyframes
 * are sent (audio is left out: chopped sound is worse than none). RTP timestamps follow the
 * distance travelled on the media timeline, so they always increase — also in reverse — and
 * span |scale| times the wall time, which players render as a fast slideshow.
 *
 * <p>Packets are numbered by this session alone: a trick-play session shares no frames with
 * normal-speed ones. Confined to the session's event loop.
 */
public final class TrickPlayback implements Playback {
    /** How often the position is looked at: at most this many keyframes a second go out. */
    private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(40);
    private static final long SENDER_REPORT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final String CNAME = "tributary";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a set-up video track needs to play keyframes. */
    public record Video(VodPlayback.Output output, long ssrc) {
    }

    private final SharedSource source;
    private final SeekableSource media;
    private final VodFrames frames;
    private final ScheduledExecutorService loop;
    private final Consumer<Throwable> onFailure;
    private final Video video;
    private final int clockRate;
    private final double duration;
    private Runnable onEndOfStream = () -> { };
    private double scale = 1;
    private boolean playing;
    private boolean started;
    private double startNpt;
    private double pausedNpt;
    private long wallStart;
    private int nextSequence = RANDOM.nextInt(1 << 16);
    /** RTP time of the start position; later positions add the distance travelled from it. */
    private long rtpBase = RANDOM.nextInt() & 0xffffffffL;
    private int lastSent = -1;
    /** The keyframe a play starts on: sent first whatever the clock says by then. */
    private int startKey;
    private long lastSentRtpTime;
    private CompletableFuture<PacketizedSample> reading;
    private ScheduledFuture<?> step;
    private long nextReportNanos;
    private long packetCount;
    private long octetCount;
    private boolean ended;

    /**
     * @param video     the video track set up in the session (audio and other tracks stay silent)
     * @param onFailure called (on the loop) when a keyframe cannot be read
     */
    public TrickPlayback(SharedSource source, VodFrames frames, Video video, ScheduledExecutorService loop,
                         Consumer<Throwable> onFailure) {
        this.source = source;
        this.media = source.seekable();
        this.frames = frames;
        this.loop = loop;
        this.onFailure = onFailure;
        this.video = video;
        MediaDescription description = source.description();
        this.clockRate = description.tracks().get(video.output().track()).encoding().clockRate();
        this.duration = description.duration().toNanos() / 1e9;
    }

    /** The first video track of {@code tracks}, or -1: trick play needs one. */
    public static int videoTrack(MediaDescription description, Iterable<Integer> tracks) {
        for (int index : tracks) {
            TrackDescription track = description.tracks().get(index);
            if (track.type() == MediaType.VIDEO) {
                return index;
            }
        }
        return -1;
    }

    /** Sets the rate for the next {@link #play}: negative plays backwards. */
    public void scale(double value) {
        if (value == 0 || Double.isNaN(value)) {
            throw new IllegalArgumentException("scale " + value);
        }
        scale = value;
    }

    /** Who is told when the position reaches an end of the media (after the RTCP BYE). */
    public void onEndOfStream(Runnable listener) {
        onEndOfStream = listener;
    }

    /**
     * @param requestedNpt where to start, or null to go on from where it stopped (a first PLAY
     *                     in reverse starts at the end)
     */
    @Override
    public Start play(Double requestedNpt) {
        if (playing) {
            pausedNpt = position(); // a PLAY while playing (a new Scale) goes on from here
        }
        cancel();
        double from = requestedNpt != null ? requestedNpt : started ? pausedNpt : scale < 0 ? duration : 0;
        int key = media.seekIndex(video.output().track(), Math.round(Math.min(from, duration) * clockRate));
        startKey = key;
        startNpt = Math.max(0, media.presentationTime(video.output().track(), key) / (double) clockRate);
        if (requestedNpt == null && started) {
            startNpt = from; // resume exactly where it stopped
        }
        if (started) {
            rtpBase = (lastSentRtpTime + clockRate) & 0xffffffffL; // a new run follows the last one
        }
        started = true;
        playing = true;
        ended = false;
        lastSent = -1;
        wallStart = System.nanoTime();
        nextReportNanos = wallStart;
        step = loop.schedule(this::step, 0, TimeUnit.NANOSECONDS);
        return new Start(startNpt, List.of(new TrackStart(video.output().track(), nextSequence, rtpBase)));
    }

    @Override
    public double pause() {
        if (playing) {
            pausedNpt = position();
            playing = false;
            cancel();
        }
        return pausedNpt;
    }

    /** The position on the media timeline in npt seconds, within the media. */
    public double position() {
        if (!playing) {
            return pausedNpt;
        }
        double at = startNpt + scale * (System.nanoTime() - wallStart) / 1e9;
        return Math.max(0, Math.min(duration, at));
    }

    @Override
    public void stop(boolean bye) {
        playing = false;
        cancel();
        if (bye && !ended && packetCount > 0) {
            sendBye();
        }
    }

    @Override
    public long packetsSent() {
        return packetCount;
    }

    @Override
    public long bytesSent() {
        return octetCount;
    }

    @Override
    public long droppedPackets() {
        return 0;
    }

    private void step() {
        if (!playing) {
            return;
        }
        long now = System.nanoTime();
        double at = startNpt + scale * (now - wallStart) / 1e9;
        boolean atEnd = scale > 0 ? at >= duration : at <= 0;
        if (reading == null) {
            int track = video.output().track();
            int key = lastSent < 0 ? startKey
                    : media.seekIndex(track, Math.round(Math.max(0, Math.min(duration, at)) * clockRate));
            if (key != lastSent) {
                int index = key;
                reading = frames.sample(source, track, key, video.output().packetizer());
                reading.whenComplete((sample, error) -> loop.execute(() -> sent(index, sample, error)));
            } else if (atEnd) {
                endOfStream();
                return;
            }
        }
        if (now >= nextReportNanos && packetCount > 0) {
            sendReport(now);
            nextReportNanos = now + SENDER_REPORT_NANOS;
        }
        step = loop.schedule(this::step, STEP_NANOS, TimeUnit.NANOSECONDS);
    }

    private void sent(int index, PacketizedSample sample, Throwable error) {
        reading = null;
        if (!playing) {
            return;
        }
        if (error != null) {
            stop(true);
            onFailure.accept(error);
            return;
        }
        long travelled = Math.abs(sample.presentationTime() - Math.round(startNpt * clockRate));
        long rtpTime = (rtpBase + travelled) & 0xffffffffL;
        PooledFrame frame = VodFrames.packets(sample, video.output().payloadType(), video.ssrc(), nextSequence, rtpTime);
        try {
            if (video.output().sink().sendFrame(frame)) {
                packetCount += frame.packetCount();
                octetCount += frame.size() - (long) frame.packetCount() * RtpHeader.SIZE;
            }
            nextSequence = (nextSequence + frame.packetCount()) & 0xffff;
        } finally {
            frame.release();
        }
        video.output().sink().flush();
        lastSent = index;
        lastSentRtpTime = rtpTime;
    }

    private void endOfStream() {
        pausedNpt = scale > 0 ? duration : 0;
        playing = false;
        cancel();
        sendBye();
        ended = true;
        onEndOfStream.run();
    }

    private void sendReport(long now) {
        ByteBuffer report = ByteBuffer.allocate(128);
        writeSenderReport(report, now);
        video.output().sink().sendRtcp(report.flip());
        video.output().sink().flush();
    }

    private void writeSenderReport(ByteBuffer dst, long now) {
        long travelled = Math.round(Math.abs(scale) * (now - wallStart) / 1e9 * clockRate);
        RtcpSenderReport.write(dst, video.ssrc(), NtpTime.fromEpochMillis(System.currentTimeMillis()),
                (rtpBase + travelled) & 0xffffffffL, packetCount, octetCount, CNAME);
    }

    private void sendBye() {
        ByteBuffer bye = ByteBuffer.allocate(192);
        writeSenderReport(bye, System.nanoTime());
        RtcpBye.write(bye, video.ssrc());
        video.output().sink().sendRtcp(bye.flip());
        video.output().sink().flush();
    }

    private void cancel() {
        if (step != null) {
            step.cancel(false);
            step = null;
        }
    }
}
