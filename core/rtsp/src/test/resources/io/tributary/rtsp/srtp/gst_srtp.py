# GStreamer's SRTP elements (srtpenc/srtpdec, libsrtp2) for SrtpGStreamerInteropTest.
# Packet files are sequences of <u32 big-endian length><bytes>.
#   encrypt KEYHEX RTPAUTH RTCPAUTH SSRC SEQ COUNT PLAIN_RTP SRTP PLAIN_RTCP SRTCP
#       makes COUNT L16 RTP packets from SEQ on (and three RTCP packets), writes them plain
#       and protected by srtpenc
#   decrypt KEYHEX RTPAUTH RTCPAUTH SSRC ROC SRTP PLAIN_RTP SRTCP PLAIN_RTCP
#       unprotects the packets of SRTP and SRTCP with srtpdec, writes what it lets through
# RTPAUTH/RTCPAUTH: hmac-sha1-80 or hmac-sha1-32.
import struct
import sys

import gi

gi.require_version("Gst", "1.0")
from gi.repository import Gst  # noqa: E402

Gst.init(None)


def read_packets(path):
    packets = []
    with open(path, "rb") as f:
        data = f.read()
    at = 0
    while at < len(data):
        (n,) = struct.unpack(">I", data[at:at + 4])
        packets.append(data[at + 4:at + 4 + n])
        at += 4 + n
    return packets


def write_packets(path, packets):
    with open(path, "wb") as f:
        for p in packets:
            f.write(struct.pack(">I", len(p)))
            f.write(p)


def collector(pipeline, name, into):
    sink = pipeline.get_by_name(name)

    def on_sample(s):
        buf = s.emit("pull-sample").get_buffer()
        into.append(buf.extract_dup(0, buf.get_size()))
        return Gst.FlowReturn.OK

    sink.set_property("emit-signals", True)
    sink.connect("new-sample", on_sample)


def push(pipeline, name, packets):
    src = pipeline.get_by_name(name)
    for p in packets:
        src.emit("push-buffer", Gst.Buffer.new_wrapped(p))
    src.emit("end-of-stream")


def run(pipeline):
    pipeline.set_state(Gst.State.PLAYING)
    msg = pipeline.get_bus().timed_pop_filtered(30 * Gst.SECOND, Gst.MessageType.EOS | Gst.MessageType.ERROR)
    pipeline.set_state(Gst.State.NULL)
    if msg is None or msg.type == Gst.MessageType.ERROR:
        sys.exit("pipeline failed: %s" % (msg.parse_error()[0].message if msg else "timeout"))


def rtcp_packets(ssrc):
    packets = []
    for i in range(3):
        sr = struct.pack(">BBHIIIIII", 0x80, 200, 6, ssrc, 0xE7000000 + i, 0x10000000 * i, 1000 * i, 10 * i, 1000 * i)
        cname = b"tributary-test"
        chunk = struct.pack(">IBB", ssrc, 1, len(cname)) + cname + b"\x00"
        chunk += b"\x00" * ((4 - len(chunk) % 4) % 4)
        sdes = struct.pack(">BBH", 0x81, 202, len(chunk) // 4) + chunk
        packets.append(sr + sdes)
    return packets


def encrypt(key, rtp_auth, rtcp_auth, ssrc, seq, count, plain_path, srtp_path, plain_rtcp_path, srtcp_path):
    # RTP and RTCP through separate pipelines: one srtpenc/srtpdec fed on both pads at once
    # races its two streaming threads over the one SSRC's libsrtp stream and drops packets
    enc = "srtpenc name=enc key=%s rtp-cipher=aes-128-icm rtp-auth=%s rtcp-cipher=aes-128-icm rtcp-auth=%s" % (
        key, rtp_auth, rtcp_auth)
    pipeline = Gst.parse_launch(
        "audiotestsrc num-buffers=%d samplesperbuffer=160 wave=white-noise"
        " ! audio/x-raw,format=S16BE,rate=8000,channels=1"
        " ! rtpL16pay seqnum-offset=%d ssrc=%d pt=96 ! tee name=t"
        " t. ! queue ! appsink name=plain sync=false"
        " t. ! queue ! enc.rtp_sink_0 %s enc.rtp_src_0 ! appsink name=srtp sync=false" % (count, seq, ssrc, enc))
    plain, srtp = [], []
    collector(pipeline, "plain", plain)
    collector(pipeline, "srtp", srtp)
    run(pipeline)

    pipeline = Gst.parse_launch(
        "appsrc name=rtcp caps=application/x-rtcp format=time ! enc.rtcp_sink_0"
        " %s enc.rtcp_src_0 ! appsink name=srtcp sync=false" % enc)
    srtcp = []
    collector(pipeline, "srtcp", srtcp)
    rtcp = rtcp_packets(ssrc)
    pipeline.set_state(Gst.State.PAUSED)
    push(pipeline, "rtcp", rtcp)
    run(pipeline)
    write_packets(plain_path, plain)
    write_packets(srtp_path, srtp)
    write_packets(plain_rtcp_path, rtcp)
    write_packets(srtcp_path, srtcp)


def decrypt(key, rtp_auth, rtcp_auth, ssrc, roc, srtp_path, plain_path, srtcp_path, plain_rtcp_path):
    caps = (
        "ssrc=(uint)%d,roc=(uint)%d,srtp-key=(buffer)%s,srtp-cipher=(string)aes-128-icm,srtp-auth=(string)%s,"
        "srtcp-cipher=(string)aes-128-icm,srtcp-auth=(string)%s"
    ) % (ssrc, roc, key, rtp_auth, rtcp_auth)
    pipeline = Gst.parse_launch(
        "appsrc name=srtp caps=\"application/x-srtp,payload=(int)96,clock-rate=(int)8000,media=(string)audio,"
        "encoding-name=(string)L16,%s\" format=time ! dec.rtp_sink"
        " srtpdec name=dec dec.rtp_src ! appsink name=plain sync=false" % caps)
    plain = []
    collector(pipeline, "plain", plain)
    pipeline.set_state(Gst.State.PAUSED)
    push(pipeline, "srtp", read_packets(srtp_path))
    run(pipeline)

    pipeline = Gst.parse_launch(
        "appsrc name=srtcp caps=\"application/x-srtcp,%s\" format=time ! dec.rtcp_sink"
        " srtpdec name=dec dec.rtcp_src ! appsink name=rtcp sync=false" % caps)
    rtcp = []
    collector(pipeline, "rtcp", rtcp)
    pipeline.set_state(Gst.State.PAUSED)
    push(pipeline, "srtcp", read_packets(srtcp_path))
    run(pipeline)
    write_packets(plain_path, plain)
    write_packets(plain_rtcp_path, rtcp)


if __name__ == "__main__":
    a = sys.argv[1:]
    if a[0] == "encrypt":
        encrypt(a[1], a[2], a[3], int(a[4]), int(a[5]), int(a[6]), *a[7:11])
    elif a[0] == "decrypt":
        decrypt(a[1], a[2], a[3], int(a[4]), int(a[5]), *a[6:10])
    else:
        sys.exit("unknown mode " + a[0])
