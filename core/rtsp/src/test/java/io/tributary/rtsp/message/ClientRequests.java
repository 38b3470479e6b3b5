package io.tributary.rtsp.message;

/** Requests as real clients send them (captured shapes; session ids shortened). */
final class ClientRequests {
    private ClientRequests() {
    }

    static final String FFMPEG = ""
            + "OPTIONS rtsp://127.0.0.1:8554/demo RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: Lavf59.27.100\r\n\r\n"
            + "DESCRIBE rtsp://127.0.0.1:8554/demo RTSP/1.0\r\nAccept: application/sdp\r\nCSeq: 2\r\n"
            + "User-Agent: Lavf59.27.100\r\n\r\n"
            + "SETUP rtsp://127.0.0.1:8554/demo/trackID=0 RTSP/1.0\r\n"
            + "Transport: RTP/AVP/UDP;unicast;client_port=31530-31531\r\nCSeq: 3\r\nUser-Agent: Lavf59.27.100\r\n\r\n"
            + "SETUP rtsp://127.0.0.1:8554/demo/trackID=1 RTSP/1.0\r\n"
            + "Transport: RTP/AVP/UDP;unicast;client_port=31532-31533\r\nCSeq: 4\r\nUser-Agent: Lavf59.27.100\r\n"
            + "Session: 5f1c0e7a9b\r\n\r\n"
            + "PLAY rtsp://127.0.0.1:8554/demo/ RTSP/1.0\r\nRange: npt=0.000-\r\nCSeq: 5\r\n"
            + "User-Agent: Lavf59.27.100\r\nSession: 5f1c0e7a9b\r\n\r\n";

    static final String GSTREAMER = ""
            + "OPTIONS rtsp://127.0.0.1:8554/demo RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: GStreamer/1.22.0\r\n\r\n"
            + "DESCRIBE rtsp://127.0.0.1:8554/demo RTSP/1.0\r\nCSeq: 2\r\nUser-Agent: GStreamer/1.22.0\r\n"
            + "Accept: application/sdp\r\nDate: Tue, 24 Nov 2026 10:15:00 GMT\r\n\r\n"
            + "SETUP rtsp://127.0.0.1:8554/demo/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: GStreamer/1.22.0\r\n"
            + "Transport: RTP/AVP;unicast;client_port=50000-50001;ssrc=1A2B3C4D,"
            + "RTP/AVP/TCP;unicast;interleaved=0-1\r\nDate: Tue, 24 Nov 2026 10:15:00 GMT\r\n\r\n"
            + "PLAY rtsp://127.0.0.1:8554/demo/ RTSP/1.0\r\nCSeq: 4\r\nUser-Agent: GStreamer/1.22.0\r\n"
            + "Range: npt=0-\r\nx-dynamic-rate: 1\r\nx-accept-dynamic-rate: 1\r\nSession: 5f1c0e7a9b\r\n"
            + "Date: Tue, 24 Nov 2026 10:15:00 GMT\r\n\r\n";

    static final String VLC_UA = "LibVLC/3.0.18 (LIVE555 Streaming Media v2016.11.28)";

    static final String VLC = ""
            + "OPTIONS rtsp://127.0.0.1:8554/demo RTSP/1.0\r\nCSeq: 2\r\nUser-Agent: " + VLC_UA + "\r\n\r\n"
            + "DESCRIBE rtsp://127.0.0.1:8554/demo RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: " + VLC_UA + "\r\n"
            + "Accept: application/sdp\r\n\r\n"
            + "SETUP rtsp://127.0.0.1:8554/demo/trackID=0 RTSP/1.0\r\nCSeq: 4\r\nUser-Agent: " + VLC_UA + "\r\n"
            + "Transport: RTP/AVP;unicast;client_port=57000-57001\r\n\r\n"
            + "PLAY rtsp://127.0.0.1:8554/demo/ RTSP/1.0\r\nCSeq: 5\r\nUser-Agent: " + VLC_UA + "\r\n"
            + "Session: 5f1c0e7a9b\r\nRange: npt=0.000-\r\n\r\n"
            + "GET_PARAMETER rtsp://127.0.0.1:8554/demo/ RTSP/1.0\r\nCSeq: 6\r\nUser-Agent: " + VLC_UA + "\r\n"
            + "Session: 5f1c0e7a9b\r\n\r\n";

    static final String OPENRTSP_TCP = ""
            + "OPTIONS rtsp://127.0.0.1:8554/demo RTSP/1.0\r\nCSeq: 2\r\n"
            + "User-Agent: openRTSP (LIVE555 Streaming Media v2020.08.19)\r\n\r\n"
            + "SETUP rtsp://127.0.0.1:8554/demo/trackID=0 RTSP/1.0\r\nCSeq: 4\r\n"
            + "User-Agent: openRTSP (LIVE555 Streaming Media v2020.08.19)\r\n"
            + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n";

    static final String SDP = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=No Name\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "a=tool:libavformat 59.27.100\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
            + "a=fmtp:96 packetization-mode=1\r\na=control:streamid=0\r\n";

    /** ffmpeg publishing ({@code -f rtsp}): ANNOUNCE with an SDP body. */
    static final String FFMPEG_ANNOUNCE = "ANNOUNCE rtsp://127.0.0.1:8554/live RTSP/1.0\r\n"
            + "Content-Type: application/sdp\r\nCSeq: 2\r\nUser-Agent: Lavf59.27.100\r\n"
            + "Content-Length: " + SDP.length() + "\r\n\r\n" + SDP;
}
