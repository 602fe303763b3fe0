package dev.contentservice.adapter.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/** A concurrent map whose entries expire after their TTL, measured with a {@link Clock}. */
final class Expiring<K, V> {
    private record Entry<V>(V value, Instant expiresAt) {}

    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    Expiring(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    void put(K key, V value) {
        Instant now = clock.instant();
        entries.put(key, new Entry<>(value, now.plus(ttl)));
        if (writes.incrementAndGet() % 256 == 0) {
            entries.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
        }
    }

    Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.expiresAt().isAfter(clock.instant())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /**
     * Replaces the live value of the key with {@code change} applied to it, keeping its expiry, in one
     * atomic step; does nothing when the key is absent or expired.
     *
     * @return the new value, or empty when there was none
     */
    Optional<V> update(K key, UnaryOperator<V> change) {
        Instant now = clock.instant();
        Entry<V> updated = entries.computeIfPresent(
                key,
                (k, entry) -> entry.expiresAt().isAfter(now)
                        ? new Entry<>(change.apply(entry.value()), entry.expiresAt())
                        : null);
        return Optional.ofNullable(updated).map(Entry::value);
    }
}
