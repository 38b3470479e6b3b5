package io.tributary.rtsp.rtp;

import static io.tributary.rtsp.rtp.RtpSequence.Arrival.AFTER_GAP;
import static io.tributary.rtsp.rtp.RtpSequence.Arrival.NEXT;
import static io.tributary.rtsp.rtp.RtpSequence.Arrival.STALE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The cases of the H.264 and AAC codecs' former copies (identical), plus the 16-bit mask. */
class RtpSequenceTest {
    private final RtpSequence sequence = new RtpSequence();

    @Test
    void consecutiveNumbersFollowEachOtherAcrossTheWrap() {
        assertEquals(List.of(NEXT, NEXT, NEXT, NEXT), arrivals(65_534, 65_535, 0, 1));
    }

    @Test
    void aJumpForwardIsAGapAndTheCountResumesAfterIt() {
        assertEquals(List.of(NEXT, AFTER_GAP, NEXT), arrivals(10, 13, 14));
    }

    @Test
    void repeatedAndOvertakenPacketsAreStaleAndDoNotMoveTheCount() {
        assertEquals(List.of(NEXT, NEXT, STALE, AFTER_GAP, STALE, NEXT), arrivals(10, 11, 11, 13, 12, 14));
    }

    @Test
    void aPacketFarBehindIsASenderRestartNotALatePacket() {
        int farBehind = 1000 - RtpSequence.MAX_MISORDER - 1;
        assertEquals(List.of(NEXT, STALE, AFTER_GAP, NEXT), arrivals(1000, 1000 - RtpSequence.MAX_MISORDER,
                farBehind, farBehind + 1));
    }

    @Test
    void aNewSsrcIsAGapWhateverItsNumbers() {
        assertEquals(NEXT, sequence.next(5, 1));
        assertEquals(AFTER_GAP, sequence.next(6, 2));
        assertEquals(NEXT, sequence.next(7, 2));
    }

    @Test
    void onlyTheLow16BitsOfTheNumberCount() {
        assertEquals(List.of(NEXT, NEXT, STALE), arrivals(0x1_FFFF, 0, 0x2_0000));
    }

    private List<RtpSequence.Arrival> arrivals(int... numbers) {
        return IntStream.of(numbers).mapToObj(number -> sequence.next(number, 1)).toList();
    }
}
