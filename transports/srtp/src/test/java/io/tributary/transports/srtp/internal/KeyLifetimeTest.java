package io.tributary.transports.srtp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.srtp.MasterKey;
import io.tributary.rtsp.srtp.SrtpPolicy;
import io.tributary.rtsp.srtp.SrtpProfile;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How long the keys of described tracks are kept, and how many: with a clock the test moves. */
class KeyLifetimeTest {
    private static final long SSRC = 0xABCD_0001L;
    private final AtomicLong nanos = new AtomicLong(TimeUnit.DAYS.toNanos(1));

    private Keyring keyring(int maxStreamKeys, int maxPendingKeys) {
        return new Keyring(SrtpSettings.defaults(), new SecureRandom(), InstantSource.fixed(Instant.EPOCH), nanos::get,
                maxStreamKeys, maxPendingKeys);
    }

    private void advanceSeconds(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    private static StreamKey.Id stream(String path) {
        return new StreamKey.Id(path, 0, SSRC);
    }

    @Test
    void anUnusedStreamKeyIsForgottenAMinuteAfterItsDescription() {
        StreamKeys keys = keyring(10, 10).streams();
        StreamKey described = keys.describe(stream("/demo"));
        advanceSeconds(59);
        StreamKey taken = keys.acquire(stream("/demo"));
        assertSame(described, taken, "a SETUP within the minute finds it");
        keys.release(taken);
        advanceSeconds(61);
        assertNull(keys.acquire(stream("/demo")), "unused for over a minute");
        assertNotEquals(described.policy(), keys.describe(stream("/demo")).policy(), "the next DESCRIBE makes a new key");
    }

    @Test
    void aStreamKeyInUseIsKeptHoweverLongAndAReaderComingBackSoonGetsItAgain() {
        StreamKeys keys = keyring(10, 10).streams();
        keys.describe(stream("/demo"));
        StreamKey reading = keys.acquire(stream("/demo"));
        advanceSeconds(TimeUnit.DAYS.toSeconds(3));
        keys.describe(stream("/other")); // sweeps
        assertSame(reading, keys.describe(stream("/demo")));
        keys.release(reading);
        advanceSeconds(30);
        StreamKey back = keys.acquire(stream("/demo"));
        assertSame(reading, back, "the stream's sender goes on where it was");
    }

    @Test
    void aFullMapMakesRoomByForgettingTheLongestUnusedKeyAndRefusesWhenAllAreInUse() {
        StreamKeys keys = keyring(2, 10).streams();
        keys.describe(stream("/a"));
        advanceSeconds(1);
        StreamKey b = keys.describe(stream("/b"));
        advanceSeconds(1);
        keys.describe(stream("/c"));
        assertEquals(2, keys.size());
        assertNull(keys.acquire(stream("/a")), "the oldest unused key made room");
        StreamKey inUseB = keys.acquire(stream("/b"));
        assertSame(b, inUseB);
        StreamKey inUseC = keys.acquire(stream("/c"));
        assertNotNull(inUseC);
        RtspException full = assertThrows(RtspException.class, () -> keys.describe(stream("/d")));
        assertEquals(RtspStatus.SERVICE_UNAVAILABLE, full.status());
        keys.release(inUseC);
        keys.describe(stream("/d"));
        assertEquals(2, keys.size());
        assertSame(b, keys.describe(stream("/b")), "the key in use stayed");
    }

    @Test
    void aDescribedFileKeyIsForgottenAMinuteLater() {
        PendingKeys keys = keyring(10, 10).pending();
        PendingKeys.Id id = new PendingKeys.Id(new EngineContext.Connection(), "/vod/a.mp4", 0);
        SrtpPolicy key = SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                MasterKey.random(new SecureRandom()));
        keys.put(id, key);
        advanceSeconds(59);
        assertSame(key, keys.find(id));
        advanceSeconds(2);
        assertNull(keys.find(id));
        assertEquals(0, keys.size());
    }

    @Test
    void atMostTheConfiguredNumberOfFileKeysWaitForTheirSetup() {
        Keyring keyring = keyring(10, 50);
        EngineContext.Connection connection = new EngineContext.Connection();
        for (int i = 0; i < 500; i++) {
            Keys.describe(keyring, connection, "/vod/" + i + ".mp4", 0, false, 0);
        }
        assertEquals(50, keyring.pending().size());
    }

    @Test
    void aTakenFileKeyIsGoneAndAnotherClientsIsNotTouched() {
        PendingKeys keys = keyring(10, 10).pending();
        EngineContext.Connection connection = new EngineContext.Connection();
        PendingKeys.Id id = new PendingKeys.Id(connection, "/vod/a.mp4", 0);
        SrtpPolicy first = SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                MasterKey.random(new SecureRandom()));
        SrtpPolicy second = SrtpPolicy.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                MasterKey.random(new SecureRandom()));
        keys.put(id, first);
        keys.put(id, second); // described again: the client uses the newer description
        keys.remove(id, first);
        assertSame(second, keys.find(id));
        keys.remove(id, second);
        assertNull(keys.find(id));
    }
}
