package io.tributary.rtsp.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Without {@code JAZZER_FUZZ} this runs the seeds in {@code RtspDecoderFuzzTestInputs/decoder}.
 * With it, Jazzer searches for inputs that break the invariants below.
 */
class RtspDecoderFuzzTest {
    /** Small limits so that inputs reach every limit quickly. */
    private static final RtspDecoder.Limits SMALL = new RtspDecoder.Limits(64, 48, 6, 200, 100);

    @FuzzTest(maxDuration = "2m")
    void decoder(byte[] input) {
        for (RtspDecoder.Limits limits : List.of(RtspDecoder.Limits.DEFAULT, SMALL)) {
            Feeder whole = new Feeder(new RtspDecoder(limits)).feed(input);
            List<String> expected = Feeder.render(whole.out);
            for (int chunk : new int[] {1, 7}) {
                Feeder split = new Feeder(new RtspDecoder(limits));
                for (int i = 0; i < input.length; i += chunk) {
                    split.feed(java.util.Arrays.copyOfRange(input, i, Math.min(input.length, i + chunk)));
                    // the caller never has to hold more than one frame or one body
                    assertTrue(split.pending.length <= Math.max(4 + 65535, limits.maxBody()), "unbounded pending");
                }
                assertEquals(expected, Feeder.render(split.out), "split into " + chunk + "-byte chunks");
                assertEquals(whole.pending.length, split.pending.length);
            }
            for (int i = 0; i < whole.out.size(); i++) {
                Decoded d = whole.out.get(i);
                if (d instanceof Decoded.Malformed m && m.fatal()) {
                    assertEquals(whole.out.size() - 1, i, "nothing after a fatal error");
                }
                if (d instanceof Decoded.Request r) {
                    assertNotNull(r.request().cseq());
                }
            }
        }
    }
}
