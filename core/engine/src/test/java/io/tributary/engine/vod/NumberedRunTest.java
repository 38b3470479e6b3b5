package io.tributary.engine.vod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Shared RTP numbering: sequence numbers known sample by sample, and runs of bounded length. */
class NumberedRunTest {
    @Test
    void numbersEachSampleAfterThePacketsOfTheOneBefore() {
        NumberedRun run = new NumberedRun(7, 96, 1000, 10, 0xfffe, 100);
        assertTrue(run.covers(10));
        assertFalse(run.covers(11), "sample 11 is numbered once sample 10 is packetized");
        assertFalse(run.covers(9));
        run.packetized(10, 3);
        assertEquals(1, run.firstSequence(11), "0xfffe + 3 wraps to 1");
        run.packetized(10, 5);
        assertEquals(1, run.firstSequence(11), "a sample is numbered once");
        assertThrows(IllegalArgumentException.class, () -> run.firstSequence(12));
        assertEquals((1000 + 90000) & 0xffffffffL, run.rtpTime(90000));
    }

    @Test
    void aFullRunHandsOverToASuccessorThatGoesOnWithoutAGap() {
        NumberedRun run = new NumberedRun(7, 96, 0, 0, 100, 4);
        for (int i = 0; i < 4; i++) {
            assertNull(run.next(), "not full yet");
            run.packetized(i, 2);
        }
        assertFalse(run.covers(4));
        NumberedRun next = run.next();
        assertSame(next, run.find(4));
        assertEquals(108, next.firstSequence(4));
        assertEquals(7, next.ssrc());
        assertSame(run, run.find(3));
        for (int i = 4; i < 8; i++) {
            next.packetized(i, 1);
        }
        assertEquals(112, run.find(8).firstSequence(8), "found along the chain");
        assertNull(run.find(9), "not numbered yet");
        assertNull(run.find(-1));
    }

    @Test
    void aContinuationKeepsSsrcAndTimestampsAndTakesTheGivenSequence() {
        NumberedRun run = new NumberedRun(7, 96, 1000, 0, 5, 100);
        NumberedRun continued = run.continueAt(50, 42);
        assertNotSame(run, continued);
        assertEquals(42, continued.firstSequence(50));
        assertEquals(run.rtpTime(123), continued.rtpTime(123));
        assertEquals(run.ssrc(), continued.ssrc());
    }
}
