package io.tributary.rtsp.mikey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The GStreamer-made MIKEY messages under src/test/resources (see the README there). */
final class Messages {
    static final String GST_RTSP_SERVER = "gst-rtsp-server-sdp.mikey";
    static final String GST_SHA1_32 = "gst-hmac-sha1-32.mikey";
    static final String RFC_LENGTHS_WITH_MKI = "rfc-lengths-with-mki.mikey";

    private Messages() {
    }

    static String base64(String name) {
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String name) {
        return Base64.getDecoder().decode(base64(name));
    }
}
