# A GStreamer RTSP server for interop tests (io.tributary.client.testing.GstRtspServer runs it):
# serves a live H.264 test pattern on rtsp://127.0.0.1:<port>/test, and the same in an MPEG-TS
# over RTP (payload type 33, as IPTV headends send it) on /ts. Arguments: the port, and
# the hard time limit in seconds (60 when absent). Prints READY once listening; exits when
# stdin closes (the test ended or died) or at the time limit.
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

Gst.init(None)
port = sys.argv[1]
limit_seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 60

server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(port)
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch(
    "( videotestsrc is-live=true ! video/x-raw,width=320,height=240,framerate=30/1 "
    "! x264enc tune=zerolatency key-int-max=30 ! rtph264pay name=pay0 pt=96 )")
factory.set_shared(True)
server.get_mount_points().add_factory("/test", factory)
transport_stream = GstRtspServer.RTSPMediaFactory()
transport_stream.set_launch(
    "( videotestsrc is-live=true ! video/x-raw,width=320,height=240,framerate=30/1 "
    "! x264enc tune=zerolatency key-int-max=30 ! h264parse ! mpegtsmux alignment=7 ! rtpmp2tpay name=pay0 pt=33 )")
transport_stream.set_shared(True)
server.get_mount_points().add_factory("/ts", transport_stream)
if server.attach(None) == 0:
    print("FAILED to listen on port " + port, flush=True)
    sys.exit(1)

loop = GLib.MainLoop()


def stdin_closed(*_args):
    loop.quit()
    return False


GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT,
                  GLib.IOCondition.IN | GLib.IOCondition.HUP, stdin_closed)
GLib.timeout_add_seconds(limit_seconds, stdin_closed)
print("READY", flush=True)
loop.run()
