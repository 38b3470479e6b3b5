package io.tributary.auth.httphook.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureEpisodeTest {

    @Test
    void anOutageIsReportedOnceWhenItStartsAndOnceWhenItEnds() {
        FailureEpisode episode = new FailureEpisode();
        assertFalse(episode.answered(), "answers while healthy end nothing");
        assertTrue(episode.failed(), "the first failure of all starts an episode");
        assertFalse(episode.failed());
        assertFalse(episode.failed());
        assertTrue(episode.answered(), "the first answer ends it");
        assertFalse(episode.answered());
        assertTrue(episode.failed(), "the next failure starts a new episode");
    }
}
