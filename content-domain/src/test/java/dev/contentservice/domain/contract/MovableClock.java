package dev.contentservice.domain.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it forward: time passes without waiting for it. */
public final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    public MovableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start must not be null"));
    }

    /** A clock standing at the fixtures' instant. */
    public MovableClock() {
        this(Fixtures.CLOCK.instant());
    }

    /** Moves the clock forward by {@code by}. */
    public void advance(Duration by) {
        Objects.requireNonNull(by, "by must not be null");
        if (by.isNegative()) {
            throw new IllegalArgumentException("by must not be negative, was " + by);
        }
        now.updateAndGet(instant -> instant.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("a MovableClock stays in UTC");
    }
}
