package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.client.testing.Interleaved;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What readers report in RTCP (loss, jitter) is counted per session and shown in the console's JSON. */
class ReceiverReportTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    @Test
    void aReceiverReportShowsUpInTheSessionList() throws Exception {
        String url = "rtsp://127.0.0.1:" + tributary.rtspPort() + "/demo";
        try (RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response setup = rtsp.request("SETUP", url + "/trackID=0", 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, setup.status());
            String session = setup.header("Session").split(";")[0];
            Matcher ssrc = Pattern.compile("ssrc=([0-9A-Fa-f]{1,8})").matcher(setup.header("Transport"));
            assertTrue(ssrc.find(), setup.header("Transport"));
            assertEquals(200, rtsp.request("PLAY", url, 2, "Session: " + session).status());
            rtsp.frames(300);
            // RR from SSRC 1 with one block about the track: 5/256 lost lately, 42 in all, jitter 900 (10 ms at 90 kHz).
            byte[] report = receiverReport(Long.parseLong(ssrc.group(1), 16), 5, 42, 900);
            rtsp.sendBytes(Interleaved.frame(1, report));
            String json = "";
            for (int i = 0; i < 50 && !json.contains("\"cumulativeLost\":42"); i++) {
                Thread.sleep(100);
                json = sessions();
            }
            assertTrue(json.contains("\"id\":\"" + session + "\""), json);
            assertTrue(json.contains("\"receiverReports\":1,\"cumulativeLost\":42,\"jitterMs\":10.00"), json);
        }
    }

    private static byte[] receiverReport(long mediaSsrc, int fractionLost, int cumulativeLost, long jitter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x81, (byte) 201, 0, 7, 0, 0, 0, 1});
        out.writeBytes(int32(mediaSsrc));
        out.write(fractionLost);
        out.writeBytes(new byte[] {(byte) (cumulativeLost >> 16), (byte) (cumulativeLost >> 8), (byte) cumulativeLost});
        out.writeBytes(int32(1000));   // highest sequence
        out.writeBytes(int32(jitter));
        out.writeBytes(int32(0));      // LSR
        out.writeBytes(int32(0));      // DLSR
        return out.toByteArray();
    }

    private static byte[] int32(long v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    private static String sessions() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tributary.httpPort()
                        + "/system/console/rtsp.json"))
                .header("Authorization", TributaryFixture.adminAuthorization())
                .timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
