# GStreamer's MIKEY (gstmikey.c, gst-rtsp-server) for the MIKEY interop tests.
#   make KEYHEX AUTH SSRC ROC
#       prints the base64 message gst_mikey_message_new_from_caps makes for the key and
#       hmac-sha1-80/-32, with one crypto session added as gst-rtsp-server adds it
#   describe
#       serves an SRTP (RTP/SAVP) stream with gst-rtsp-server, DESCRIBEs it and prints the SDP
#   parse BASE64
#       prints what GStreamer reads from the message: the crypto sessions as
#       gst_mikey_message_new_from_data parses them (gst-rtsp-server, KeyMgmt of SETUP) and the
#       caps gst_sdp_media_attributes_to_caps makes of a=key-mgmt (rtspsrc, DESCRIBE)
import base64
import socket
import sys
import threading

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstSdp", "1.0")
from gi.repository import GLib, Gst, GstSdp  # noqa: E402

Gst.init(None)


def make(key, auth, ssrc, roc):
    caps = Gst.Caps.from_string("application/x-srtp")
    caps.set_value("srtp-key", Gst.Buffer.new_wrapped(bytes.fromhex(key)))
    for prefix in ("srtp", "srtcp"):
        caps.set_value(prefix + "-cipher", "aes-128-icm")
        caps.set_value(prefix + "-auth", auth)
    msg = GstSdp.MIKEYMessage.new_from_caps(caps)
    msg.add_cs_srtp(0, ssrc, roc)
    print(msg.base64_encode())


def describe():
    gi.require_version("GstRtsp", "1.0")
    gi.require_version("GstRtspServer", "1.0")
    from gi.repository import GstRtsp, GstRtspServer

    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service("0")
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch("( audiotestsrc is-live=true ! audio/x-raw,rate=8000,channels=1 ! rtpL16pay name=pay0 pt=96 )")
    factory.set_profiles(GstRtsp.RTSPProfile.SAVP)
    factory.set_shared(True)
    server.get_mount_points().add_factory("/test", factory)
    server.attach(None)
    port = server.get_bound_port()
    loop = GLib.MainLoop()
    result = []

    def client():
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.sendall(("DESCRIBE rtsp://127.0.0.1:%d/test RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n"
                   % port).encode())
        data = b""
        while b"\r\n\r\n" not in data:
            data += s.recv(4096)
        head, body = data.split(b"\r\n\r\n", 1)
        length = int([line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")][0])
        while len(body) < length:
            body += s.recv(4096)
        result.append(body.decode())
        s.close()
        GLib.idle_add(loop.quit)

    threading.Thread(target=client, daemon=True).start()
    GLib.timeout_add_seconds(20, loop.quit)
    loop.run()
    if not result:
        sys.exit("no DESCRIBE answer")
    print(result[0])


def parse(b64):
    # the server side (rtsp-client.c handle_mikey_data) parses with no decryption info, which the
    # Python binding cannot pass: call the C function directly
    import ctypes

    class MapSrtp(ctypes.Structure):
        _fields_ = [("policy", ctypes.c_uint8), ("ssrc", ctypes.c_uint32), ("roc", ctypes.c_uint32)]

    lib = ctypes.CDLL("libgstsdp-1.0.so.0")
    lib.gst_mikey_message_new_from_data.restype = ctypes.c_void_p
    lib.gst_mikey_message_new_from_data.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_void_p,
                                                    ctypes.c_void_p]
    lib.gst_mikey_message_get_n_cs.argtypes = [ctypes.c_void_p]
    lib.gst_mikey_message_get_n_payloads.argtypes = [ctypes.c_void_p]
    lib.gst_mikey_message_get_cs_srtp.restype = ctypes.POINTER(MapSrtp)
    lib.gst_mikey_message_get_cs_srtp.argtypes = [ctypes.c_void_p, ctypes.c_uint]
    data = base64.b64decode(b64)
    msg = lib.gst_mikey_message_new_from_data(data, len(data), None, None)
    if not msg:
        sys.exit("GStreamer could not parse the message")
    print("n_cs=%d n_payloads=%d" % (lib.gst_mikey_message_get_n_cs(msg), lib.gst_mikey_message_get_n_payloads(msg)))
    for i in range(lib.gst_mikey_message_get_n_cs(msg)):
        cs = lib.gst_mikey_message_get_cs_srtp(msg, i).contents
        print("cs policy=%d ssrc=%d roc=%d" % (cs.policy, cs.ssrc, cs.roc))
    # the client side (rtspsrc) reads a=key-mgmt through gst_sdp_media_attributes_to_caps
    res, media = GstSdp.SDPMedia.new()
    media.set_media("audio")
    media.set_proto("RTP/SAVP")
    media.add_format("96")
    media.add_attribute("rtpmap", "96 L16/8000")
    media.add_attribute("key-mgmt", "mikey " + b64)
    caps = Gst.Caps.new_empty_simple("application/x-srtp")
    if media.attributes_to_caps(caps) != GstSdp.SDPResult.OK:
        sys.exit("gst_sdp_media_attributes_to_caps failed")
    s = caps.get_structure(0)
    key = s.get_value("srtp-key")
    print("key=%s" % key.extract_dup(0, key.get_size()).hex())
    for field in ("srtp-cipher", "srtp-auth", "srtcp-cipher", "srtcp-auth"):
        print("%s=%s" % (field, s.get_string(field)))


if __name__ == "__main__":
    a = sys.argv[1:]
    if a[0] == "make":
        make(a[1], a[2], int(a[3]), int(a[4]))
    elif a[0] == "describe":
        describe()
    elif a[0] == "parse":
        parse(a[1])
    else:
        sys.exit("unknown mode " + a[0])
