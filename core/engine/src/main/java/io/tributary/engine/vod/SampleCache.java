package io.tributary.engine.vod;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tributary.api.media.AccessUnit;
import io.tributary.api.payload.Packetizer;
import io.tributary.engine.path.SharedSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Samples read and packetized once and shared by every session at the same position of
 * the same source: a thousand readers of one file cost one read and one packetization
 * per sample. Bounded by payload bytes; loading runs on the blocking executor.
 */
public final class SampleCache {
    private record Key(SharedSource source, int track, int index) {
    }

    private final AsyncCache<Key, PacketizedSample> cache;

    public SampleCache(long maxBytes, Executor blocking) {
        this.cache = Caffeine.newBuilder()
                .executor(blocking)
                .maximumWeight(maxBytes)
                .expireAfterAccess(java.time.Duration.ofSeconds(60))
                .weigher((Key k, PacketizedSample s) -> s.bytes() + 64)
                .buildAsync();
    }

    /** The packetized sample, loaded (off the caller's thread) when no session asked for it yet. */
    CompletableFuture<PacketizedSample> get(SharedSource source, int track, int index, Packetizer packetizer) {
        return cache.get(new Key(source, track, index), key -> load(key, packetizer));
    }

    private static PacketizedSample load(Key key, Packetizer packetizer) {
        AccessUnit unit;
        try {
            unit = key.source().seekable().read(key.track(), key.index());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ByteBuffer> packetized;
        synchronized (packetizer) {
            packetized = packetizer.packetize(unit);
        }
        List<ByteBuffer> payloads = offHeap(packetized);
        int bytes = 0;
        for (ByteBuffer payload : payloads) {
            bytes += payload.remaining();
        }
        return new PacketizedSample(unit.decodeTime(), unit.presentationTime(), unit.keyframe(), payloads,
                packetizer.markerOnLast(), bytes);
    }

    /**
     * The payloads laid out once in one direct buffer, as read-only slices: sockets write
     * direct memory as it is, where a heap buffer would be copied for every reader.
     */
    private static List<ByteBuffer> offHeap(List<ByteBuffer> payloads) {
        int total = 0;
        for (ByteBuffer payload : payloads) {
            total += payload.remaining();
        }
        ByteBuffer block = ByteBuffer.allocateDirect(total);
        List<ByteBuffer> slices = new ArrayList<>(payloads.size());
        for (ByteBuffer payload : payloads) {
            int start = block.position();
            block.put(payload.duplicate());
            slices.add(block.slice(start, block.position() - start).asReadOnlyBuffer());
        }
        return List.copyOf(slices);
    }

    /** Drops everything (a payload format changed, so packetizations are stale). */
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }
}
