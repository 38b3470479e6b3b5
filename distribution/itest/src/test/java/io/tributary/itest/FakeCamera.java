package io.tributary.itest;

import io.tributary.client.testing.InterleavedCamera;
import java.io.IOException;

/**
 * A cheap IP camera for load tests: an {@link InterleavedCamera} serving any path with one
 * H.264 track, 25 small IDR frames a second after PLAY. The frames are not a picture a decoder
 * would show (their slices are filler), but every one is a keyframe a relay passes on and a
 * reader may start with.
 */
final class FakeCamera {
    static final int FPS = 25;
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=fake camera\r\nt=0 0\r\n"
            + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=fmtp:96 packetization-mode=1\r\n"
            + "a=control:trackID=0\r\n";

    private FakeCamera() {
    }

    static InterleavedCamera start() throws IOException {
        byte[] slice = new byte[160];
        slice[0] = 0x65; // IDR slice
        slice[1] = (byte) 0x88; // first_mb_in_slice 0: the picture starts here
        for (int i = 2; i < slice.length; i++) {
            slice[i] = (byte) 0x5A;
        }
        // one slice per frame, as a single NAL unit packet
        return new InterleavedCamera(SDP, FPS, sequence -> slice);
    }
}
