package dev.contentservice.adapter.redis;

import dev.contentservice.adapter.redis.Redis.Script;
import dev.contentservice.domain.ProviderBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The provider's rate budget shared by every instance on one Redis: each reservation is one atomic script
 * (GCRA without burst, on Redis' own clock, so the instances' clocks need not agree) that also honours the pause
 * marker a 429 sets for everyone. The keys are {@code content:imagegen:budget:{name}} and {@code
 * content:imagegen:pause:{name}}, both with a PX expiry. A Redis failure completes the future exceptionally with
 * {@link dev.contentservice.domain.StoreUnavailableException}.
 */
public final class RedisProviderBudget implements ProviderBudget, AutoCloseable {
    private static final Script RESERVE = Script.load("budget-reserve");
    private static final Script PAUSE = Script.load("budget-pause");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final Redis redis;
    private final Clock clock;
    private final long intervalMillis;
    private final String slotKey;
    private final String pauseKey;

    /**
     * @param name the provider the budget is for (for example its host); budgets of one name are shared
     * @param perMinute calls per minute across every instance; empty = no rate limit (429 pauses still apply)
     */
    public static RedisProviderBudget open(RedisSettings settings, String name, OptionalInt perMinute, Clock clock) {
        return new RedisProviderBudget(
                Redis.open(Objects.requireNonNull(settings, "settings")), name, perMinute, clock);
    }

    private RedisProviderBudget(Redis redis, String name, OptionalInt perMinute, Clock clock) {
        this.redis = redis;
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1-100 characters of [A-Za-z0-9._:-], was '" + name + "'");
        }
        Objects.requireNonNull(perMinute, "perMinute must not be null");
        perMinute.ifPresent(rate -> {
            if (rate < 1) {
                throw new IllegalArgumentException("perMinute must be >= 1, was " + rate);
            }
        });
        this.intervalMillis = perMinute.isPresent() ? Math.max(1, 60_000L / perMinute.getAsInt()) : 0;
        this.slotKey = "content:imagegen:budget:" + name;
        this.pauseKey = "content:imagegen:pause:" + name;
    }

    @Override
    public CompletableFuture<Optional<Duration>> reserve(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait must not be null");
        try {
            long wait = ((Number) redis.script(
                            RESERVE,
                            List.of(slotKey, pauseKey),
                            List.of(Long.toString(intervalMillis), Long.toString(Math.max(0, maxWait.toMillis())))))
                    .longValue();
            return CompletableFuture.completedFuture(
                    wait < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(wait)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> pauseUntil(Instant until) {
        Objects.requireNonNull(until, "until must not be null");
        long millis = Duration.between(clock.instant(), until).toMillis();
        if (millis <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            redis.script(PAUSE, List.of(pauseKey), List.of(Long.toString(millis)));
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Duration> pauseLeft() {
        try {
            long left = redis.call("pttl " + pauseKey, jedis -> jedis.pttl(pauseKey));
            return CompletableFuture.completedFuture(Duration.ofMillis(Math.max(0, left)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisProviderBudget[" + slotKey + ", "
                + (intervalMillis == 0 ? "no limit" : "one call every " + intervalMillis + " ms") + "]";
    }
}
