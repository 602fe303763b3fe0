package dev.contentservice.adapter.memory;

import dev.contentservice.domain.ProviderBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * The provider's rate budget of one process: the generic cell rate algorithm (one slot every {@code 60 s / rate},
 * no burst) plus a pause until a 429's {@code Retry-After}. Without a rate, only pauses apply.
 */
public final class InMemoryProviderBudget implements ProviderBudget {
    private final Clock clock;
    private final long intervalMillis;
    private long theoreticalArrival;
    private long pausedUntil;

    /** @param perMinute calls per minute; empty = no limit (pauses still apply) */
    public InMemoryProviderBudget(Clock clock, OptionalInt perMinute) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        Objects.requireNonNull(perMinute, "perMinute must not be null");
        perMinute.ifPresent(rate -> {
            if (rate < 1) {
                throw new IllegalArgumentException("perMinute must be >= 1, was " + rate);
            }
        });
        this.intervalMillis = perMinute.isPresent() ? Math.max(1, 60_000L / perMinute.getAsInt()) : 0;
    }

    @Override
    public synchronized CompletableFuture<Optional<Duration>> reserve(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait must not be null");
        long now = clock.millis();
        long start = Math.max(now, Math.max(theoreticalArrival, pausedUntil));
        long wait = start - now;
        if (wait > maxWait.toMillis()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        theoreticalArrival = start + intervalMillis;
        return CompletableFuture.completedFuture(Optional.of(Duration.ofMillis(wait)));
    }

    @Override
    public synchronized CompletableFuture<Void> pauseUntil(Instant until) {
        Objects.requireNonNull(until, "until must not be null");
        pausedUntil = Math.max(pausedUntil, until.toEpochMilli());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Duration> pauseLeft() {
        return CompletableFuture.completedFuture(Duration.ofMillis(Math.max(0, pausedUntil - clock.millis())));
    }

    @Override
    public String toString() {
        return "InMemoryProviderBudget["
                + (intervalMillis == 0 ? "no limit" : "one call every " + intervalMillis + " ms") + "]";
    }
}
