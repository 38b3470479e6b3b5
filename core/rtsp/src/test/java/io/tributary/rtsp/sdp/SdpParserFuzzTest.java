package io.tributary.rtsp.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.rtsp.message.RtspException;
import java.nio.charset.StandardCharsets;

/** The parser throws nothing but RtspException, and write → parse gives back what it parsed. */
class SdpParserFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void sdpParser(byte[] input) {
        SessionDescription sd;
        try {
            sd = SdpParser.parse(new String(input, StandardCharsets.UTF_8));
        } catch (RtspException expected) {
            return;
        }
        String written = SdpWriter.write(sd);
        assertEquals(sd, SdpParser.parse(written), written);
        sd.media().forEach(m -> m.formats().forEach(f -> {
            if (f.chars().allMatch(Character::isDigit) && f.length() < 4) {
                m.rtpmap(Integer.parseInt(f)); // the convenience accessors never throw
                m.fmtp(Integer.parseInt(f));
            }
        }));
    }
}
