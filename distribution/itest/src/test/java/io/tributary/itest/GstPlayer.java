package io.tributary.itest;

import io.tributary.rtsp.testing.PythonGi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GStreamer's {@code rtspsrc} playing a URL and decoding every track it receives, driven
 * through python3-gi instead of gst-launch for two reasons found in CI: gst-launch's delayed
 * linking of {@code src. ! caps} sometimes lets data through before the stream-start event and
 * hangs the branch, and when a {@code num-buffers} sink ends the pipeline, rtspsrc's own CLOSE
 * cuts off the PAUSE it is still sending, which gst-launch reports as an error (it does so
 * against gst-rtsp-server too). Here the pads are linked as they appear and only what happens
 * before the wanted frames are decoded counts. An MP2T track is demultiplexed and its H.264
 * and AAC decoded as the video and audio.
 */
final class GstPlayer {
    /**
     * What the player decoded, and why it stopped ("enough frames", an error, or the time limit);
     * {@code videoSize} is the first decoded picture's "WIDTHxHEIGHT" ("" if none), {@code warnings}
     * the WARNING messages the pipeline posted before it stopped (a decoder given a picture without
     * its reference warns and goes on, so a run can decode enough frames and still have some).
     */
    record Outcome(int exitCode, int videoFrames, int audioFrames, String videoSize, List<String> warnings,
                   String output) {
        boolean decodedEnough() {
            return exitCode == 0;
        }
    }

    private static final Pattern DECODED = Pattern.compile("decoded video=(\\d+) audio=(\\d+) size=(\\S*)");
    private static final Pattern WARNING = Pattern.compile("(?m)^WARNING from .*$");
    private static final String SCRIPT = """
            import sys
            import gi
            gi.require_version("Gst", "1.0")
            from gi.repository import GLib, Gst

            # rtspsrc's RTP pads, by encoding-name, decoded to raw frames and counted.
            DECODERS = {
                "H264": "rtph264depay ! h264parse ! avdec_h264",
                "H265": "rtph265depay ! h265parse ! avdec_h265",
                "MPEG4-GENERIC": "rtpmp4gdepay ! aacparse ! avdec_aac",
                "PCMU": "rtppcmudepay ! mulawdec",
                "PCMA": "rtppcmadepay ! alawdec",
                "OPUS": "rtpopusdepay ! opusdec",
                "JPEG": "rtpjpegdepay ! jpegdec",
                "VP8": "rtpvp8depay ! vp8dec",
                "VP9": "rtpvp9depay ! vp9dec",
            }
            # The elementary streams inside an MP2T track (rtpmp2tdepay ! tsdemux), by caps name;
            # a queue each, as a demuxer's outputs need so that one branch cannot stall the others.
            DEMUXED = {
                "video/x-h264": ("video", "queue ! h264parse ! avdec_h264"),
                "audio/mpeg": ("audio", "queue ! aacparse ! avdec_aac"),
            }

            Gst.init(None)
            url = sys.argv[1]
            protocols, _, version = sys.argv[2].partition("@")  # "tcp@2-0": RTSP 2.0
            wanted = {"video": int(sys.argv[3]), "audio": int(sys.argv[4])}
            limit_seconds = int(sys.argv[5])
            decoded = {"video": 0, "audio": 0}
            size = {}
            pipeline = Gst.Pipeline.new("player")
            source = Gst.ElementFactory.make("rtspsrc", "src")
            source.set_property("location", url)
            Gst.util_set_object_arg(source, "protocols", protocols)
            if version:
                Gst.util_set_object_arg(source, "default-rtsp-version", version)
            if url.startswith(("rtsps://", "rtspsh://")):
                source.set_property("tls-validation-flags", 0)  # the server's development certificate
            if len(sys.argv) > 7:
                source.set_property("user-id", sys.argv[6])
                source.set_property("user-pw", sys.argv[7])
            pipeline.add(source)
            loop = GLib.MainLoop()
            outcome = {}


            def report():
                return "decoded video=%d audio=%d size=%s" % (decoded["video"], decoded["audio"], size.get("video", ""))


            def finish(code, why):
                if not outcome:
                    outcome.update(code=code, why=why)
                    loop.quit()
                return False


            def count(media):
                def on_handoff(_sink, _buffer, pad):
                    if media not in size:
                        s = pad.get_current_caps().get_structure(0)
                        if s.has_field("width"):
                            size[media] = "%dx%d" % (s.get_int("width")[1], s.get_int("height")[1])
                    decoded[media] += 1
                    if all(decoded[m] >= wanted[m] for m in wanted):
                        GLib.idle_add(finish, 0, "enough frames")
                return on_handoff


            def decode(pad, media, decoder):
                branch = Gst.parse_bin_from_description(decoder + " ! fakesink sync=false signal-handoffs=true name=sink", True)
                branch.get_by_name("sink").connect("handoff", count(media))
                pipeline.add(branch)
                branch.sync_state_with_parent()
                pad.link(branch.get_static_pad("sink"))


            def on_demuxed(_demux, pad):
                name = pad.query_caps(None).get_structure(0).get_name()
                if name not in DEMUXED:
                    print("no decoder for %s" % name, flush=True)
                    return
                decode(pad, *DEMUXED[name])


            def demux_transport_stream(pad):
                depay = Gst.ElementFactory.make("rtpmp2tdepay")
                demux = Gst.ElementFactory.make("tsdemux")
                demux.connect("pad-added", on_demuxed)
                pipeline.add(depay)
                pipeline.add(demux)
                depay.link(demux)
                demux.sync_state_with_parent()
                depay.sync_state_with_parent()
                pad.link(depay.get_static_pad("sink"))


            def on_pad_added(_src, pad):
                s = pad.get_current_caps().get_structure(0)
                media, encoding = s.get_string("media"), s.get_string("encoding-name")
                if encoding == "MP2T":
                    demux_transport_stream(pad)
                elif media not in wanted or encoding not in DECODERS:
                    print("no decoder for %s %s" % (media, encoding), flush=True)
                else:
                    decode(pad, media, DECODERS[encoding])


            def on_message(_bus, message):
                if message.type == Gst.MessageType.ERROR:
                    error, debug = message.parse_error()
                    GLib.idle_add(finish, 1, "ERROR from %s: %s (%s)" % (message.src.get_name(), error.message, debug))
                elif message.type == Gst.MessageType.WARNING:
                    warning, debug = message.parse_warning()
                    print("WARNING from %s: %s (%s)" % (message.src.get_name(), warning.message, debug), flush=True)
                elif message.type == Gst.MessageType.EOS:
                    GLib.idle_add(finish, 1, "end of stream before enough frames")


            source.connect("pad-added", on_pad_added)
            bus = pipeline.get_bus()
            bus.add_signal_watch()
            bus.connect("message", on_message)
            GLib.timeout_add_seconds(limit_seconds, finish, 2, "time limit reached")
            pipeline.set_state(Gst.State.PLAYING)
            loop.run()
            print(report(), flush=True)
            print(outcome["why"], flush=True)
            # Errors while shutting down are not the server's: rtspsrc's CLOSE interrupts its own PAUSE.
            bus.remove_signal_watch()
            pipeline.set_state(Gst.State.NULL)
            sys.exit(outcome["code"])
            """;

    private GstPlayer() {
    }

    /**
     * Plays {@code url} over {@code protocols} ("udp", "tcp") until it has decoded
     * {@code videoFrames} video and {@code audioFrames} audio frames, an error, or the time limit.
     */
    static Outcome play(String url, String protocols, int videoFrames, int audioFrames, Duration limit)
            throws Exception {
        return play(url, protocols, videoFrames, audioFrames, limit, null, null);
    }

    /** Like {@link #play(String, String, int, int, Duration)}, speaking RTSP 2.0 ({@code default-rtsp-version=2-0}). */
    static Outcome playRtsp2(String url, String protocols, int videoFrames, int audioFrames, Duration limit)
            throws Exception {
        return play(url, protocols + "@2-0", videoFrames, audioFrames, limit, null, null);
    }

    /** Like {@link #play(String, String, int, int, Duration)}, logging in with rtspsrc's {@code user-id}/{@code user-pw}. */
    static Outcome play(String url, String protocols, int videoFrames, int audioFrames, Duration limit, String user,
                        String password) throws Exception {
        String python = PythonGi.require("Gst");
        Path script = Files.createTempFile("gst_player", ".py");
        try {
            Files.writeString(script, SCRIPT);
            List<String> command = new ArrayList<>(List.of(python, script.toString(), url, protocols,
                    Integer.toString(videoFrames), Integer.toString(audioFrames), Long.toString(limit.toSeconds())));
            if (user != null) {
                command.add(user);
                command.add(password);
            }
            ExternalTool.Result r = ExternalTool.run(limit.plusSeconds(15), command.toArray(String[]::new));
            Matcher m = DECODED.matcher(r.stdout());
            boolean reported = m.find();
            return new Outcome(r.exitCode(), reported ? Integer.parseInt(m.group(1)) : 0,
                    reported ? Integer.parseInt(m.group(2)) : 0, reported ? m.group(3) : "",
                    WARNING.matcher(r.stdout()).results().map(MatchResult::group).toList(),
                    ExternalTool.tail(r.stdout() + r.stderr()));
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
