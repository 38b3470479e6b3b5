package io.tributary.engine.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins per client address, against password guessing: after
 * {@link Settings#delayAfter()} failures in a row, answers to that address's credentials are
 * delayed (doubling up to {@link Settings#maxDelay()}); after {@link Settings#blockAfter()} the
 * address is refused for {@link Settings#block()}. Other addresses are never affected, the
 * first challenge (a request without credentials) is never delayed, and the count is
 * forgotten when a block ends or after {@link Settings#window()} without failures.
 * One log line when an address starts being slowed and one when it is blocked.
 *
 * <p>Bounded: at most {@link Settings#maxAddresses()} addresses are tracked.
 */
public final class LoginFailures {
    private static final Logger LOG = LoggerFactory.getLogger(LoginFailures.class);
    private static final long FIRST_DELAY_MILLIS = 250;

    /**
     * @param delayAfter   failures after which answers are delayed (0 disables delays)
     * @param blockAfter   failures after which the address is refused (0 disables blocking)
     * @param maxDelay     the longest delay
     * @param block        how long a blocked address stays refused
     * @param window       how long failures are remembered without a new one
     * @param maxAddresses how many addresses are tracked at most
     */
    public record Settings(int delayAfter, int blockAfter, Duration maxDelay, Duration block, Duration window,
                           int maxAddresses) {
    }

    /** What is known of one address. Guarded by itself. */
    private static final class Record {
        int failures;
        long blockedUntilNanos;
        boolean slowedLogged;
    }

    private final Settings settings;
    private final Ticker ticker;
    private final Cache<InetAddress, Record> records;

    public LoginFailures(Settings settings) {
        this(settings, Ticker.systemTicker());
    }

    LoginFailures(Settings settings, Ticker ticker) {
        this.settings = settings;
        this.ticker = ticker;
        this.records = Caffeine.newBuilder()
                .maximumSize(settings.maxAddresses())
                .expireAfterAccess(settings.window().plus(settings.block()))
                .ticker(ticker)
                .build();
    }

    /** Nanoseconds the address stays refused, or 0 when it is not blocked. */
    public long blockedNanos(InetAddress address) {
        Record record = records.getIfPresent(address);
        if (record == null) {
            return 0;
        }
        synchronized (record) {
            long left = record.blockedUntilNanos - ticker.read();
            if (record.blockedUntilNanos != 0 && left <= 0) {
                // the block is over: the address starts afresh
                record.blockedUntilNanos = 0;
                record.failures = 0;
                record.slowedLogged = false;
            }
            return Math.max(0, left);
        }
    }

    /** How long to hold back the answer to credentials from this address, in milliseconds. */
    public long delayMillis(InetAddress address) {
        Record record = records.getIfPresent(address);
        if (record == null || settings.delayAfter() <= 0) {
            return 0;
        }
        synchronized (record) {
            int over = record.failures - settings.delayAfter();
            if (over < 0) {
                return 0;
            }
            long delay = FIRST_DELAY_MILLIS << Math.min(over, 20);
            return Math.min(delay, settings.maxDelay().toMillis());
        }
    }

    /** Counts a failed login; {@code user} is the name given, for the log line. */
    public void failed(InetAddress address, String user) {
        Record record = records.get(address, a -> new Record());
        synchronized (record) {
            record.failures++;
            if (settings.blockAfter() > 0 && record.failures >= settings.blockAfter() && record.blockedUntilNanos == 0) {
                record.blockedUntilNanos = ticker.read() + settings.block().toNanos();
                LOG.warn("refusing {} for {} s after {} failed logins (last as '{}')", address.getHostAddress(),
                        settings.block().toSeconds(), record.failures, printable(user));
            } else if (settings.delayAfter() > 0 && record.failures >= settings.delayAfter() && !record.slowedLogged) {
                record.slowedLogged = true;
                LOG.warn("slowing down answers to {} after {} failed logins (last as '{}')", address.getHostAddress(),
                        record.failures, printable(user));
            }
        }
    }

    /** The count of failures an address has now (for tests and the console). */
    public int failures(InetAddress address) {
        Record record = records.getIfPresent(address);
        if (record == null) {
            return 0;
        }
        synchronized (record) {
            return record.failures;
        }
    }

    /** How many addresses are tracked (bounded by {@link Settings#maxAddresses()}). */
    long tracked() {
        records.cleanUp();
        return records.estimatedSize();
    }

    /** A user name as given by a client, safe for one log line. */
    private static String printable(String user) {
        if (user == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(user.length(), 64));
        for (int i = 0; i < user.length() && i < 64; i++) {
            char c = user.charAt(i);
            sb.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return sb.toString();
    }
}
