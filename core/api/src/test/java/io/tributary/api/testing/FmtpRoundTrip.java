package io.tributary.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.PayloadFormat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An {@code fmtp} through a payload format and back, as a publisher's SDP and then a reader's
 * DESCRIBE see it: {@link PayloadFormat#receivedTrack}, {@link PayloadFormat#describe}, then
 * {@code receivedTrack} again. For fuzz tests of what any publisher may write.
 */
public final class FmtpRoundTrip {
    private FmtpRoundTrip() {
    }

    /**
     * Whatever a publisher writes ({@code fmtp}, read as UTF-8): refused with
     * IllegalArgumentException, or a track whose codec configuration {@code describe()} writes
     * back and that reads again as the same one (asserted).
     *
     * @return the track read from {@code fmtp}; empty when the format refused it
     */
    public static Optional<TrackDescription> assertReadBackOrRefused(PayloadFormat format, MediaType type,
            Encoding encoding, int payloadType, byte[] fmtp) {
        TrackDescription received;
        try {
            received = format.receivedTrack(0, type, encoding, new String(fmtp, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException expected) {
            return Optional.empty();
        }
        String described = format.describe(received, payloadType).fmtp();
        TrackDescription again = format.receivedTrack(0, type, encoding, described);
        assertEquals(received.codecConfig(), again.codecConfig(), described);
        return Optional.of(received);
    }
}
