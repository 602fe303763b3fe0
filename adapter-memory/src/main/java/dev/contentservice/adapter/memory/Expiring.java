package dev.contentservice.adapter.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * A concurrent map whose entries expire after their TTL, measured with a {@link Clock}.
 *
 * <p>Every entry gets the same TTL, so the order of writes is the order of expiry: each write is also
 * remembered at the tail of a queue, and a write drops the expired entries from the queue's head. That
 * costs each write O(1) amortized; the whole map is never walked (a walk every 256 writes was more than
 * half of the worker's CPU with 90,000 images in the store).
 */
final class Expiring<K, V> {
    private record Entry<V>(V value, Instant expiresAt) {}

    /** A write, in the order of writes: the key and when what it wrote expires. */
    private record Written<K>(K key, Instant expiresAt) {}

    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Queue<Written<K>> writes = new ConcurrentLinkedQueue<>();
    /** One thread drops expired entries at a time; the others go on without waiting. */
    private final ReentrantLock sweeping = new ReentrantLock();

    Expiring(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    void put(K key, V value) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        entries.put(key, new Entry<>(value, expiresAt));
        writes.add(new Written<>(key, expiresAt));
        dropExpired(now);
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

    /** How many keys are held, expired or not (for tests: that expired entries do not stay). */
    int size() {
        return entries.size();
    }

    /**
     * Drops the entries whose expiry has passed, oldest write first, and stops at the first write that has
     * not expired. A key written again since holds a later entry, which stays.
     */
    private void dropExpired(Instant now) {
        if (!sweeping.tryLock()) {
            return;
        }
        try {
            for (Written<K> oldest = writes.peek();
                    oldest != null && !oldest.expiresAt().isAfter(now);
                    oldest = writes.peek()) {
                writes.poll();
                entries.computeIfPresent(
                        oldest.key(), (k, entry) -> entry.expiresAt().isAfter(now) ? entry : null);
            }
        } finally {
            sweeping.unlock();
        }
    }
}
