package io.tributary.client.internal;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an RTSP session from timing out: every half session timeout (at least 500 ms) sends
 * GET_PARAMETER, or OPTIONS once a server refused GET_PARAMETER (405, 501, 551). Servers with
 * a short timeout ({@code timeout=2}) get one every second. Runs on the session's loop.
 */
final class KeepAlive {
    private static final Logger LOG = LoggerFactory.getLogger(KeepAlive.class);

    private final EventExecutor loop;
    private final Function<String, CompletableFuture<RtspResponse>> send;
    private final BooleanSupplier due;
    private ScheduledFuture<?> task;
    private long periodMillis;
    private boolean useOptions;

    /**
     * @param send sends a request with the given method (and the session's id) and completes with any answer
     * @param due  whether a keep-alive is needed now (not while another request is in flight)
     */
    KeepAlive(EventExecutor loop, Function<String, CompletableFuture<RtspResponse>> send, BooleanSupplier due) {
        this.loop = loop;
        this.send = send;
        this.due = due;
    }

    /** (Re)starts with the session timeout the server announced; no-op when unchanged and running. */
    void start(int sessionTimeoutSeconds) {
        long period = Math.max(500, sessionTimeoutSeconds * 1000L / 2);
        if (task != null && period == periodMillis) {
            return;
        }
        stop();
        periodMillis = period;
        task = loop.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    private void tick() {
        if (!due.getAsBoolean()) {
            return;
        }
        send.apply(useOptions ? "OPTIONS" : "GET_PARAMETER").whenComplete((response, error) -> {
            if (response == null) {
                return; // the session deals with timeouts and lost connections
            }
            int code = response.code();
            if (!useOptions && (code == RtspStatus.METHOD_NOT_ALLOWED.code()
                    || code == RtspStatus.NOT_IMPLEMENTED.code() || code == RtspStatus.OPTION_NOT_SUPPORTED.code())) {
                LOG.debug("GET_PARAMETER answered {}; keep-alives use OPTIONS from now on", code);
                useOptions = true;
            } else if (code / 100 != 2) {
                LOG.debug("keep-alive answered {}", code);
            }
        });
    }
}
