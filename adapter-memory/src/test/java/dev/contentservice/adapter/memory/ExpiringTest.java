package dev.contentservice.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.contentservice.domain.contract.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpiringTest {
    private static final Duration TTL = Duration.ofMinutes(10);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T00:00:00Z"));
    private final Expiring<String, String> map = new Expiring<>(clock, TTL);

    @Test
    void a_write_drops_every_entry_that_expired_before_it() {
        for (int i = 0; i < 1000; i++) {
            map.put("old-" + i, "v");
        }
        clock.advance(TTL);
        map.put("new", "v");

        assertEquals(1, map.size());
        assertEquals(Optional.of("v"), map.get("new"));
    }

    @Test
    void entries_not_yet_expired_stay() {
        map.put("first", "1");
        clock.advance(TTL.dividedBy(2));
        map.put("second", "2");
        clock.advance(TTL.dividedBy(2));
        map.put("third", "3");

        assertEquals(2, map.size());
        assertEquals(Optional.empty(), map.get("first"));
        assertEquals(Optional.of("2"), map.get("second"));
    }

    @Test
    void a_key_written_again_keeps_its_later_expiry() {
        map.put("key", "old");
        clock.advance(TTL.dividedBy(2));
        map.put("key", "new");
        clock.advance(TTL.dividedBy(2));
        map.put("other", "v");

        assertEquals(Optional.of("new"), map.get("key"));
        clock.advance(TTL.dividedBy(2));
        map.put("another", "v");
        assertEquals(2, map.size());
        assertEquals(Optional.empty(), map.get("key"));
    }

    @Test
    void an_updated_entry_keeps_its_expiry_and_is_dropped_with_it() {
        map.put("key", "a");
        assertEquals(Optional.of("ab"), map.update("key", value -> value + "b"));
        clock.advance(TTL);
        map.put("other", "v");

        assertEquals(1, map.size());
        assertEquals(Optional.empty(), map.update("key", value -> value + "c"));
    }
}
