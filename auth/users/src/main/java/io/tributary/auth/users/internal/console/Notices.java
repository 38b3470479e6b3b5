package io.tributary.auth.users.internal.console;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Outcomes waiting for the page a POST redirects to ({@code ?notice=<id>}). The URL carries a
 * random id, not the text: a link someone sends the operator cannot make the console say
 * something it did not say. Each notice is shown once; the oldest are forgotten beyond
 * {@value #KEPT}, so that redirects nobody followed take no more memory.
 */
final class Notices {
    static final int KEPT = 64;

    private final SecureRandom random;
    // guarded by this
    private final Map<String, Notice> waiting = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Notice> eldest) {
            return size() > KEPT;
        }
    };

    Notices(SecureRandom random) {
        this.random = random;
    }

    /** Keeps a notice; returns its id. */
    String put(Notice notice) {
        byte[] id = new byte[12];
        random.nextBytes(id);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        synchronized (this) {
            waiting.put(key, notice);
        }
        return key;
    }

    /** The notice of an id, once; empty for an unknown or already shown id. */
    synchronized Optional<Notice> take(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(waiting.remove(id));
    }
}
