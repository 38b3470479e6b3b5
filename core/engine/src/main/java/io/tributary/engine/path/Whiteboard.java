package io.tributary.engine.path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Services of one kind keyed by a service property (encoding name, transport profile),
 * highest ranking first. Binding and unbinding replace an immutable snapshot, so lookups
 * on the hot path take no lock.
 *
 * @param <S> the service type
 */
public final class Whiteboard<S> {
    private record Entry<S>(S service, int ranking, long serviceId) {
    }

    private static final Comparator<Entry<?>> ORDER = Comparator
            .comparingInt((Entry<?> e) -> -e.ranking())
            .thenComparingLong(Entry::serviceId);

    private volatile Map<String, List<Entry<S>>> byKey = Map.of();

    public synchronized void add(String key, S service, int ranking, long serviceId) {
        Map<String, List<Entry<S>>> next = new ConcurrentHashMap<>(byKey);
        List<Entry<S>> list = new ArrayList<>(next.getOrDefault(key, List.of()));
        list.add(new Entry<>(service, ranking, serviceId));
        list.sort(ORDER);
        next.put(key, List.copyOf(list));
        byKey = Map.copyOf(next);
    }

    public synchronized void remove(String key, S service) {
        Map<String, List<Entry<S>>> next = new ConcurrentHashMap<>(byKey);
        List<Entry<S>> list = new ArrayList<>(next.getOrDefault(key, List.of()));
        list.removeIf(e -> e.service() == service);
        if (list.isEmpty()) {
            next.remove(key);
        } else {
            next.put(key, List.copyOf(list));
        }
        byKey = Map.copyOf(next);
    }

    /** The highest-ranked service for a key. */
    public Optional<S> get(String key) {
        List<Entry<S>> list = byKey.get(key);
        return list == null ? Optional.empty() : Optional.of(list.get(0).service());
    }

    /** Every service, highest ranking first within a key. */
    public List<S> all() {
        List<Entry<S>> entries = new ArrayList<>();
        byKey.values().forEach(entries::addAll);
        entries.sort(ORDER);
        return entries.stream().map(Entry::service).toList();
    }

    /** A service's {@code service.ranking} (0 when absent), from its DS properties. */
    public static int ranking(Map<String, Object> properties) {
        return properties.get("service.ranking") instanceof Integer i ? i : 0;
    }

    /** A service's {@code service.id}, which orders services of equal ranking (oldest first). */
    public static long serviceId(Map<String, Object> properties) {
        return properties.get("service.id") instanceof Long l ? l : 0L;
    }

    /** {@code true} when {@code service} is still registered under {@code key}. */
    public boolean contains(String key, S service) {
        List<Entry<S>> list = byKey.get(key);
        return list != null && list.stream().anyMatch(e -> e.service() == service);
    }
}
