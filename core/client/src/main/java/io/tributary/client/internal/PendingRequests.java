package io.tributary.client.internal;

import io.tributary.rtsp.message.RtspResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * Requests sent and not yet answered, by {@code CSeq}, oldest first, at most {@code max}.
 * Confined to the session's event loop.
 */
final class PendingRequests {

    /** One request in flight: what to resend after a 401, and whom to tell. */
    static final class Pending {
        final int cseq;
        final Outgoing request;
        final CompletableFuture<RtspResponse> promise;
        final int attempt;
        ScheduledFuture<?> timeout;

        Pending(int cseq, Outgoing request, CompletableFuture<RtspResponse> promise, int attempt) {
            this.cseq = cseq;
            this.request = request;
            this.promise = promise;
            this.attempt = attempt;
        }

        void cancelTimeout() {
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
    }

    private final Map<Integer, Pending> byCseq = new LinkedHashMap<>();
    private final int max;

    PendingRequests(int max) {
        this.max = max;
    }

    boolean full() {
        return byCseq.size() >= max;
    }

    boolean isEmpty() {
        return byCseq.isEmpty();
    }

    void add(Pending p) {
        byCseq.put(p.cseq, p);
    }

    /**
     * Removes and returns the request {@code cseq} answers; a response without CSeq answers
     * the oldest (RTSP 1.0 servers answer in order). Null when nothing matches (a late answer
     * to a request that already timed out).
     */
    Pending take(Integer cseq) {
        if (cseq != null) {
            return byCseq.remove(cseq);
        }
        Iterator<Pending> it = byCseq.values().iterator();
        if (!it.hasNext()) {
            return null;
        }
        Pending oldest = it.next();
        it.remove();
        return oldest;
    }

    Pending remove(int cseq) {
        return byCseq.remove(cseq);
    }

    /** Removes and returns everything, oldest first. */
    List<Pending> drain() {
        List<Pending> all = new ArrayList<>(byCseq.values());
        byCseq.clear();
        return all;
    }
}
