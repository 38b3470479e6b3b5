package io.tributary.sources.file.internal.ts;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The indexes of recently opened files, least recently used first out, bounded in entries and
 * in memory. A key holds the file's size and modification time, so a file that changed is
 * indexed again, and its new index replaces the stale one. Thread-safe.
 */
public final class IndexCache {
    /** Where a file was when it was indexed. */
    record Key(Path path, long size, FileTime modified) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<Key, TsIndex> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /**
     * @param maxEntries indexes kept at most
     * @param maxBytes   memory the kept indexes may hold ({@link TsIndex#memory()})
     */
    public IndexCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    synchronized TsIndex get(Key key) {
        return entries.get(key);
    }

    /** Keeps an index, unless it alone exceeds the memory bound; evicts the least recently used. */
    synchronized void put(Key key, TsIndex index) {
        long size = index.memory();
        if (size > maxBytes) {
            return;
        }
        Iterator<Map.Entry<Key, TsIndex>> same = entries.entrySet().iterator();
        while (same.hasNext()) {
            Map.Entry<Key, TsIndex> other = same.next();
            if (other.getKey().path().equals(key.path())) { // the same file, or its stale index
                bytes -= other.getValue().memory();
                same.remove();
            }
        }
        entries.put(key, index);
        bytes += size;
        Iterator<Map.Entry<Key, TsIndex>> eldest = entries.entrySet().iterator();
        while (entries.size() > maxEntries || bytes > maxBytes) {
            Map.Entry<Key, TsIndex> entry = eldest.next();
            bytes -= entry.getValue().memory();
            eldest.remove();
        }
    }

    /** Drops every index. */
    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    synchronized int size() {
        return entries.size();
    }
}
