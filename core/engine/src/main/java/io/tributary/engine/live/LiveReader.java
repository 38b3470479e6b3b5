package io.tributary.engine.live;

import io.tributary.api.transport.TrackSink;
import io.tributary.engine.session.Playback;
import io.tributary.engine.session.SessionEndReason;
import io.tributary.rtsp.rtp.RtcpBye;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session reading a live stream. It gets the stream's shared frames on its own event
 * loop and writes them to its sinks. A reader that cannot keep up loses frames, not time:
 * while its sink is full frames are dropped and counted, video restarts at the next
 * keyframe, and a reader full for longer than the limit is disconnected. Confined to the
 * session's event loop.
 */
public final class LiveReader implements Playback {
    private static final Logger LOG = LoggerFactory.getLogger(LiveReader.class);
    private static final long SENDER_REPORT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Live frames that arrive between PLAY and its response being written, sent after the cached ones. */
    private static final int MAX_EARLY_FRAMES = 512;

    private static final class Output {
        final TrackSink sink;
        final boolean video;
        boolean waitingForKeyframe;
        boolean dirty;

        Output(TrackSink sink, boolean video) {
            this.sink = sink;
            this.video = video;
            this.waitingForKeyframe = video;
        }
    }

    private final LiveStream stream;
    private final ScheduledExecutorService loop;
    private final Output[] outputs;
    private final long slowLimitNanos;
    private final Consumer<SessionEndReason> endSession;
    private final String label;
    private final boolean wholeFrames;
    private final List<LiveFrame> early = new ArrayList<>();
    private List<LiveFrame> cached = List.of();
    private long firstLiveIndex = Long.MAX_VALUE;
    private boolean joined;
    private boolean primed;
    private boolean paused;
    private boolean stopped;
    private long fullSinceNanos;
    /** When the next sender report is due (System.nanoTime); it goes out with the first frame after. */
    private long nextReportNanos;
    private volatile long packetsSent;
    private volatile long bytesSent;
    private volatile long droppedPackets;

    /**
     * @param sinks          the set-up tracks' sinks by track index
     * @param slowLimitNanos how long a reader's queue may stay full before it is disconnected
     * @param endSession     ends the reader's session (on the loop)
     * @param label          session id and client, for logs
     * @param wholeFrames    whether its sinks take large frames whole (TCP paces itself) rather
     *                       than in paced parts
     */
    private volatile Runnable onRestart = () -> { };

    public LiveReader(LiveStream stream, Map<Integer, TrackSink> sinks, ScheduledExecutorService loop,
                      long slowLimitNanos, Consumer<SessionEndReason> endSession, String label, boolean wholeFrames) {
        this.stream = stream;
        this.wholeFrames = wholeFrames;
        this.loop = loop;
        this.slowLimitNanos = slowLimitNanos;
        this.endSession = endSession;
        this.label = label;
        int count = 0;
        for (int track : sinks.keySet()) {
            count = Math.max(count, track + 1);
        }
        this.outputs = new Output[count];
        sinks.forEach((track, sink) -> outputs[track] = new Output(sink, stream.isVideo(track)));
    }

    /**
     * Joins the stream (first PLAY) or resumes after PAUSE. Frames flow once
     * {@link #begin()} runs, after the PLAY response is on the wire: players that read
     * interleaved data while waiting for the response discard it, and with it the keyframe.
     */
    @Override
    public Start play(Double requestedNpt) {
        if (stopped) {
            throw new IllegalStateException("stream ended");
        }
        if (!joined) {
            LiveStream.Join join = stream.join(this, loop);
            if (join == null) {
                throw new io.tributary.rtsp.message.RtspException(io.tributary.rtsp.message.RtspStatus.NOT_FOUND,
                        "the live stream has ended");
            }
            joined = true;
            cached = join.cached();
            firstLiveIndex = join.firstLiveIndex();
            return new Start(0, join.starts());
        }
        paused = false;
        for (Output output : outputs) {
            if (output != null) {
                output.waitingForKeyframe = output.video;
            }
        }
        return new Start(0, stream.current());
    }

    /**
     * Sends the cached GOP and the frames that came meanwhile, then goes live. Sender reports
     * go first: players that switch to RTCP timing on the first report (ffmpeg) would
     * otherwise re-time the tracks in the middle of the burst.
     */
    public void begin() {
        if (stopped || primed) {
            return;
        }
        primed = true;
        sendRtcp(false);
        for (LiveFrame frame : cached) {
            send(frame);
        }
        for (LiveFrame frame : early) {
            send(frame);
        }
        releaseHeld();
        flush();
        nextReportNanos = System.nanoTime() + SENDER_REPORT_NANOS;
    }

    /**
     * Sends the sender reports when they are due ({@code now} is System.nanoTime), ahead of the
     * frames about to be delivered and flushed with them: one write, and no timer per reader.
     * RFC 3550 §6.4.1: a sender reports while it sends; a reader getting no frames (paused, or a
     * stalled source) gets none.
     */
    void reportIfDue(long now) {
        if (primed && !paused && !stopped && now - nextReportNanos >= 0) {
            nextReportNanos = now + SENDER_REPORT_NANOS;
            writeRtcp(false);
        }
    }

    /** Whether large frames reach this reader whole, not in paced parts. */
    boolean takesWholeFrames() {
        return wholeFrames;
    }

    /** A frame of the stream, on this reader's loop. */
    void deliver(LiveFrame frame) {
        if (stopped || frame.index() < firstLiveIndex) {
            return;
        }
        if (!primed) {
            if (early.size() < MAX_EARLY_FRAMES) {
                early.add(frame.retain());
            } else {
                lost(frame.packetCount());
            }
            return;
        }
        send(frame);
    }

    private void send(LiveFrame frame) {
        Output output = frame.track() < outputs.length ? outputs[frame.track()] : null;
        if (output == null || paused || stopped) {
            return;
        }
        if (!output.sink.writable()) {
            droppedPackets += frame.packetCount();
            output.waitingForKeyframe = output.video;
            tooSlow();
            return;
        }
        fullSinceNanos = 0;
        if (output.waitingForKeyframe && !frame.keyframe()) {
            droppedPackets += frame.packetCount();
            return;
        }
        output.waitingForKeyframe = false;
        if (!output.sink.sendFrame(frame)) {
            droppedPackets += frame.packetCount();
            output.waitingForKeyframe = output.video;
            return;
        }
        output.dirty = true;
        packetsSent += frame.packetCount();
        bytesSent += frame.size();
    }

    private void tooSlow() {
        long now = System.nanoTime();
        if (fullSinceNanos == 0) {
            fullSinceNanos = now;
        } else if (now - fullSinceNanos > slowLimitNanos && !stopped) {
            LOG.warn("disconnecting slow reader {}: its queue stayed full for {} s ({} packets dropped)", label,
                    TimeUnit.NANOSECONDS.toSeconds(slowLimitNanos), droppedPackets);
            stopped = true;
            endSession.accept(SessionEndReason.SLOW_READER);
        }
    }

    /** {@code packets} never reached this reader (its loop fell behind): counted, and video resynchronizes. */
    void lost(long packets) {
        droppedPackets += packets;
        resynchronize();
    }

    /** Frames were lost on the way to this reader: video waits for the next keyframe. */
    void resynchronize() {
        for (Output output : outputs) {
            if (output != null) {
                output.waitingForKeyframe = output.video;
            }
        }
    }

    void flush() {
        for (Output output : outputs) {
            if (output != null && output.dirty) {
                output.dirty = false;
                output.sink.flush();
            }
        }
    }

    @Override
    public double pause() {
        paused = true;
        return 0;
    }

    /** Who is told, on the reader's loop, that the source restarted (RTSP 2.0: PLAY_NOTIFY). */
    public void onRestart(Runnable listener) {
        onRestart = listener;
    }

    /** The source restarted and the stream goes on (a publisher came back in time). Any thread. */
    void streamRestarted() {
        loop.execute(() -> {
            if (!stopped) {
                onRestart.run();
            }
        });
    }

    /** The stream ended (source gone): BYE, then the session ends. Any thread. */
    void streamEnded() {
        loop.execute(() -> {
            if (!stopped) {
                endSession.accept(SessionEndReason.END_OF_STREAM);
            }
        });
    }

    @Override
    public void stop(boolean bye) {
        if (joined) {
            stream.leave(this, loop);
        }
        boolean wasStopped = stopped;
        stopped = true;
        releaseHeld();
        if (bye && primed && !wasStopped) {
            sendRtcp(true);
        }
    }

    /** The cached and early frames this reader held references to. */
    private void releaseHeld() {
        cached.forEach(LiveFrame::release);
        cached = List.of();
        early.forEach(LiveFrame::release);
        early.clear();
    }

    /** Sender reports (with BYE when leaving), written at once. */
    private void sendRtcp(boolean bye) {
        writeRtcp(bye);
        flush();
    }

    /**
     * A sender report per track, with BYE appended when leaving: compound, since clients
     * drop RTCP that does not start with SR or RR. Queued until the next {@link #flush()}.
     */
    private void writeRtcp(boolean bye) {
        for (int track = 0; track < outputs.length; track++) {
            Output output = outputs[track];
            if (output == null) {
                continue;
            }
            ByteBuffer packet = ByteBuffer.allocate(192);
            stream.writeSenderReport(track, packet);
            if (bye) {
                RtcpBye.write(packet, stream.ssrc(track));
            }
            output.sink.sendRtcp(packet.flip());
            output.dirty = true;
        }
    }

    @Override
    public long packetsSent() {
        return packetsSent;
    }

    @Override
    public long bytesSent() {
        return bytesSent;
    }

    @Override
    public long droppedPackets() {
        return droppedPackets;
    }
}
