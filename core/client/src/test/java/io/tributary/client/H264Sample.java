package io.tributary.client;

import io.tributary.rtsp.rtp.RtpHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A short H.264 clip made by ffmpeg/libx264, split into NAL units and packetized per RFC 6184
 * (single NAL units, FU-A above 1200 bytes): what a publisher sends.
 */
final class H264Sample {
    final List<byte[]> nals;
    final byte[] sps;
    final byte[] pps;

    private H264Sample(List<byte[]> nals) {
        this.nals = nals;
        this.sps = nals.stream().filter(n -> (n[0] & 0x1F) == 7).findFirst().orElseThrow();
        this.pps = nals.stream().filter(n -> (n[0] & 0x1F) == 8).findFirst().orElseThrow();
    }

    /** Encodes {@code frames} frames of a test pattern (ffmpeg must exist). */
    static H264Sample encode(Path dir, int frames) throws IOException, InterruptedException {
        Path out = dir.resolve("clip.h264");
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-f", "lavfi",
                "-i", "testsrc=size=160x120:rate=10", "-frames:v", Integer.toString(frames), "-c:v", "libx264",
                "-g", "10", "-bf", "0", "-f", "h264", "-y", out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("ffmpeg could not encode the test clip");
        }
        return new H264Sample(split(Files.readAllBytes(out)));
    }

    /** Annex B → NAL units (start codes removed). */
    static List<byte[]> split(byte[] annexB) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 2 < annexB.length; i++) {
            if (annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1) {
                starts.add(i + 3);
                i += 2;
            }
        }
        List<byte[]> nals = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) - 3 : annexB.length;
            while (to > from && annexB[to - 1] == 0) {
                to--; // the zero of a four-byte start code belongs to the next one
            }
            byte[] nal = new byte[to - from];
            System.arraycopy(annexB, from, nal, 0, nal.length);
            nals.add(nal);
        }
        return nals;
    }

    String sdp() {
        Base64.Encoder b64 = Base64.getEncoder();
        return String.join("\r\n",
                "v=0",
                "o=- 0 0 IN IP4 127.0.0.1",
                "s=publish",
                "c=IN IP4 127.0.0.1",
                "t=0 0",
                "m=video 0 RTP/AVP 96",
                "a=rtpmap:96 H264/90000",
                "a=fmtp:96 packetization-mode=1;sprop-parameter-sets=" + b64.encodeToString(sps) + ","
                        + b64.encodeToString(pps),
                "");
    }

    /** RTP packets, 10 frames per second (one slice per frame, as x264 makes at this size). */
    List<ByteBuffer> packets(long ssrc) {
        List<ByteBuffer> packets = new ArrayList<>();
        int seq = 1000;
        long ts = 90_000;
        for (byte[] nal : nals) {
            int type = nal[0] & 0x1F;
            boolean vcl = type == 1 || type == 5;
            if (nal.length <= 1200) {
                ByteBuffer b = ByteBuffer.allocate(RtpHeader.SIZE + nal.length);
                RtpHeader.write(b, vcl, 96, seq++, ts, ssrc);
                packets.add(b.put(nal).flip());
            } else {
                for (int off = 1; off < nal.length; off += 1200) {
                    int n = Math.min(1200, nal.length - off);
                    boolean first = off == 1;
                    boolean last = off + n >= nal.length;
                    ByteBuffer b = ByteBuffer.allocate(RtpHeader.SIZE + 2 + n);
                    RtpHeader.write(b, vcl && last, 96, seq++, ts, ssrc);
                    b.put((byte) ((nal[0] & 0xE0) | 28));
                    b.put((byte) ((first ? 0x80 : 0) | (last ? 0x40 : 0) | type));
                    packets.add(b.put(nal, off, n).flip());
                }
            }
            if (vcl) {
                ts += 9000;
            }
        }
        return packets;
    }
}
