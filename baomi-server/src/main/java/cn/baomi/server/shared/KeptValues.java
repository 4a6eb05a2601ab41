package cn.baomi.server.shared;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Values found by key, kept in memory until their {@link ChangeGeneration} moves on and for a limited time at most
 * (for a change written behind the application, or on another node). Only values found are kept; when full, the
 * lot is dropped.
 */
public final class KeptValues<K, V> {

    private record Kept<V>(V value, long generation, long until) {
    }

    private final ChangeGeneration generation;
    private final long keepNanos;
    private final int most;
    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

    public KeptValues(ChangeGeneration generation, Duration keep, int most) {
        this.generation = generation;
        this.keepNanos = keep.toNanos();
        this.most = most;
    }

    /** The kept value, or what {@code load} finds now (kept if found, unless this thread's transaction changed it). */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        long now = System.nanoTime();
        Kept<V> k = kept.get(key);
        if (k != null && now - k.until() < 0 && generation.isCurrent(k.generation())) {
            return Optional.of(k.value());
        }
        long current = generation.current();
        Optional<V> found = load.apply(key);
        if (found.isPresent() && current != ChangeGeneration.NONE) {
            if (kept.size() >= most) {
                kept.clear();
            }
            kept.put(key, new Kept<>(found.get(), current, now + keepNanos));
        }
        return found;
    }

    /** Changes a kept value in place (for what the application itself has just written alongside it). */
    public void update(K key, UnaryOperator<V> change) {
        kept.computeIfPresent(key, (x, k) -> new Kept<>(change.apply(k.value()), k.generation(), k.until()));
    }
}
