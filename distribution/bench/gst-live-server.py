#!/usr/bin/python3
"""The peer for bench-live.sh: GStreamer's RTSP server (gst-rtsp-server) serving one live stream.

One *shared* media factory at PATH whose pipeline receives H.264 over RTP/UDP on UDP_PORT (what
`ffmpeg -re -stream_loop -1 -i clip.mp4 -c copy -f rtp rtp://127.0.0.1:UDP_PORT` sends),
depayloads it and payloads it again once for every reader: the same work Tributary does with a
published stream (receive once, fan out). Readers may use RTP/AVP over UDP or RTP/AVP/TCP.

Tuning, so that the peer is not handicapped by defaults:
  - a thread pool of THREADS client threads (default: the number of CPUs; the library default
    is 0, every client in the main loop), like Tributary's one I/O loop per core;
  - a listen backlog of 1024 (the library default is 5: at 200 connects/s it drops SYNs);
  - a 1 MiB receive buffer on the ingest socket, as Tributary sets on its UDP sockets.

    gst-live-server.py --port 8554 --udp-port 5004 --sprop 'Z2Q...,aO8...' [--path /live/bench] [--threads N]

Prints "ready rtsp://127.0.0.1:PORT/PATH" when it listens. Stops on SIGTERM or SIGINT.
"""
import argparse
import os
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--udp-port", type=int, required=True)
    ap.add_argument("--path", default="/live/bench")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--backlog", type=int, default=1024)
    ap.add_argument("--sprop", default="",
                    help="sprop-parameter-sets of the incoming stream (from ffmpeg's -sdp_file): ffmpeg sends"
                         " SPS/PPS of an MP4 only out of band, and the depayloader needs them")
    args = ap.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    server.set_backlog(args.backlog)
    server.get_thread_pool().set_max_threads(args.threads)

    factory = GstRtspServer.RTSPMediaFactory()
    sprop = ',sprop-parameter-sets=(string)\\"%s\\"' % args.sprop if args.sprop else ""
    factory.set_launch(
        "( udpsrc address=127.0.0.1 port=%d buffer-size=1048576 "
        "caps=\"application/x-rtp,media=video,encoding-name=H264,clock-rate=90000,payload=96%s\" "
        "! rtph264depay ! h264parse config-interval=-1 "
        "! rtph264pay name=pay0 pt=96 config-interval=1 )" % (args.udp_port, sprop))
    factory.set_shared(True)
    server.get_mount_points().add_factory(args.path, factory)

    if server.attach(None) == 0:
        print("cannot listen on port %d" % args.port, file=sys.stderr)
        sys.exit(1)

    loop = GLib.MainLoop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_HIGH, sig, loop.quit)
    print("ready rtsp://127.0.0.1:%d%s (GStreamer %s, %d client threads)"
          % (args.port, args.path, Gst.version_string(), args.threads), flush=True)
    loop.run()


if __name__ == "__main__":
    main()
