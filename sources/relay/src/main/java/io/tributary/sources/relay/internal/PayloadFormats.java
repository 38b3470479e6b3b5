package io.tributary.sources.relay.internal;

import io.tributary.api.payload.PayloadFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Constants;

/**
 * The payload format services by encoding name, as an immutable snapshot replaced on every
 * change: lookups on the relay's threads take no lock. When several services handle one
 * encoding, the highest service ranking wins (then the oldest service).
 */
final class PayloadFormats {
    private record Entry(PayloadFormat format, String encoding, int ranking, long serviceId) {
    }

    private static final Comparator<Entry> BEST_FIRST = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final List<Entry> entries = new ArrayList<>();
    private volatile Map<String, PayloadFormat> byEncoding = Map.of();

    synchronized void add(PayloadFormat format, Map<String, ?> properties) {
        String encoding = encoding(properties);
        if (encoding == null) {
            return;
        }
        entries.add(new Entry(format, encoding, integer(properties.get(Constants.SERVICE_RANKING)),
                properties.get(Constants.SERVICE_ID) instanceof Long id ? id : Long.MAX_VALUE));
        publish();
    }

    synchronized void remove(PayloadFormat format) {
        entries.removeIf(e -> e.format() == format);
        publish();
    }

    /** The service for an upper-case encoding name ({@code H264}), if one is there. */
    Optional<PayloadFormat> get(String encoding) {
        return Optional.ofNullable(byEncoding.get(encoding.toUpperCase(Locale.ROOT)));
    }

    private void publish() {
        Map<String, PayloadFormat> snapshot = new HashMap<>();
        entries.stream().sorted(BEST_FIRST).forEach(e -> snapshot.putIfAbsent(e.encoding(), e.format()));
        byEncoding = Map.copyOf(snapshot);
    }

    private static String encoding(Map<String, ?> properties) {
        Object value = properties.get(PayloadFormat.ENCODING);
        return value instanceof String s && !s.isBlank() ? s.strip().toUpperCase(Locale.ROOT) : null;
    }

    private static int integer(Object value) {
        return value instanceof Integer i ? i : 0;
    }
}
