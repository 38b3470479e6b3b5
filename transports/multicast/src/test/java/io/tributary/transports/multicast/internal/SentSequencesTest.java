package io.tributary.transports.multicast.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SentSequencesTest {
    private static final long SSRC = 42;

    @Test
    void eachNumberGoesOutOnce() {
        SentSequences sent = new SentSequences();
        assertTrue(sent.claim(10, SSRC));
        assertTrue(sent.claim(11, SSRC));
        assertFalse(sent.claim(10, SSRC));
        assertFalse(sent.claim(11, SSRC));
        assertTrue(sent.claim(12, SSRC));
    }

    @Test
    void aPacketNoReaderSentYetGoesOutLateButNotTwice() {
        SentSequences sent = new SentSequences();
        sent.claim(100, SSRC);
        assertTrue(sent.claim(102, SSRC), "a reader on a faster event loop got ahead");
        assertTrue(sent.claim(101, SSRC), "the slower reader's packet still goes out");
        assertFalse(sent.claim(101, SSRC));
    }

    @Test
    void packetsFurtherBehindThanTheLateWindowAreOldCachedFrames() {
        SentSequences sent = new SentSequences();
        sent.claim(1000, SSRC);
        int newest = 1000 + SentSequences.MAX_LATE + 10;
        sent.claim(newest, SSRC);
        assertFalse(sent.claim(newest - SentSequences.MAX_LATE - 1, SSRC), "a joining reader's old cached frame");
        assertTrue(sent.claim(newest - SentSequences.MAX_LATE, SSRC));
        assertTrue(sent.claim(newest - 1, SSRC));
    }

    @Test
    void numbersComeRoundAgainAfterWrapping() {
        SentSequences sent = new SentSequences();
        for (int i = 0; i < 3 * 65536; i++) {
            assertTrue(sent.claim(i & 0xFFFF, SSRC), "packet " + i + " is new");
            assertFalse(sent.claim(i & 0xFFFF, SSRC), "packet " + i + " went out already");
        }
    }

    @Test
    void aNumberSentACycleAgoIsNewWhenItComesRoundLate() {
        SentSequences sent = new SentSequences();
        for (int i = 0; i < 65536 + 100; i++) {
            sent.claim(i & 0xFFFF, SSRC);
        }
        assertTrue(sent.claim(101, SSRC));
        assertTrue(sent.claim(100, SSRC), "100 went out a cycle ago; this 100 is another packet, only late");
    }

    @Test
    void aJumpForwardFreesTheNumbersItPassesOver() {
        SentSequences sent = new SentSequences();
        for (int i = 0; i < 1000; i++) {
            sent.claim(i, SSRC);
        }
        assertTrue(sent.claim(30_000, SSRC));
        assertTrue(sent.claim(29_999, SSRC), "never sent, just behind the newest");
        assertFalse(sent.claim(999, SSRC), "far behind: an old frame");
    }

    @Test
    void aNewSsrcStartsAfresh() {
        SentSequences sent = new SentSequences();
        sent.claim(500, SSRC);
        sent.claim(501, SSRC);
        assertTrue(sent.claim(500, SSRC + 1), "the path was published again: another stream");
        assertTrue(sent.claim(501, SSRC + 1));
        assertFalse(sent.claim(500, SSRC + 1));
    }
}
