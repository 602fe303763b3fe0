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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The provider's rate budget shared by every instance on one Redis: each reservation is one atomic script
 * (GCRA without burst, on Redis' own clock, so the instances' clocks need not agree) that also honours the pause
 * marker a 429 sets for everyone. The keys are {@code content:imagegen:budget:{name}} and {@code
 * content:imagegen:pause:{name}}, both with a PX expiry. A Redis failure completes the future exceptionally with
 * {@link dev.contentservice.domain.StoreUnavailableException}.
 *
 * <p>Without a rate there is no slot to share, only the pause: a reservation then costs Redis nothing. The
 * instance keeps the pause marker's end as it last read it and answers from that; while calls come, it reads
 * the marker again in the background at most every {@link #PAUSE_FRESH} (one {@code PTTL}), and it reads it
 * before answering when its view is older than {@link #PAUSE_STALE} (an instance that has been idle). So a pause
 * that another instance set holds this one from its calls a quarter second later at most; a pause this instance
 * sets holds it at once. Before, every call of every instance ran the script, three round trips per job.
 */
public final class RedisProviderBudget implements ProviderBudget, AutoCloseable {
    private static final Script RESERVE = Script.load("budget-reserve");
    private static final Script PAUSE = Script.load("budget-pause");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    /** Without a rate: how long a read of the pause marker is answered from without reading it again. */
    static final Duration PAUSE_FRESH = Duration.ofMillis(250);
    /** Without a rate: a view older than this is read again before answering. */
    static final Duration PAUSE_STALE = Duration.ofSeconds(5);

    private final Redis redis;
    private final Clock clock;
    private final long intervalMillis;
    private final String slotKey;
    private final String pauseKey;
    /** Without a rate: the pause as last read (or set) here; null before the first read. */
    private volatile PauseView pause;

    private final AtomicBoolean refreshing = new AtomicBoolean();
    /** Without a rate: reads the pause marker in the background; null with a rate. */
    private final ExecutorService refresher;

    /** The pause marker's end, on this instance's clock, and when it was read ({@link System#nanoTime}). */
    private record PauseView(long untilMillis, long readAtNanos) {}

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
        this.refresher = intervalMillis == 0
                ? Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, "content-budget-pause-" + name);
                    thread.setDaemon(true);
                    return thread;
                })
                : null;
    }

    @Override
    public CompletableFuture<Optional<Duration>> reserve(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait must not be null");
        if (intervalMillis == 0) {
            return pauseOnly(maxWait);
        }
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

    /** Without a rate: the wait is the pause left as last read; reads it again when the view is old. */
    private CompletableFuture<Optional<Duration>> pauseOnly(Duration maxWait) {
        long now = System.nanoTime();
        PauseView view = pause;
        try {
            if (view == null || now - view.readAtNanos() > PAUSE_STALE.toNanos()) {
                view = readPause();
            } else if (now - view.readAtNanos() > PAUSE_FRESH.toNanos() && refreshing.compareAndSet(false, true)) {
                refresher.execute(this::refreshPause);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        long wait = Math.max(0, view.untilMillis() - clock.millis());
        return CompletableFuture.completedFuture(
                wait > maxWait.toMillis() ? Optional.empty() : Optional.of(Duration.ofMillis(wait)));
    }

    private void refreshPause() {
        try {
            readPause();
        } catch (RuntimeException e) {
            // the next call past PAUSE_STALE reads it again, and fails over to calling without the budget
        } finally {
            refreshing.set(false);
        }
    }

    /** One {@code PTTL} of the pause marker; keeps and returns what it read. */
    private PauseView readPause() {
        long readAt = System.nanoTime();
        long left = redis.call("pttl " + pauseKey, jedis -> jedis.pttl(pauseKey));
        return remember(new PauseView(clock.millis() + Math.max(0, left), readAt));
    }

    /** Keeps a view unless a newer read or a later pause is kept already. */
    private PauseView remember(PauseView view) {
        PauseView kept = pause;
        if (kept != null && kept.readAtNanos() > view.readAtNanos() && kept.untilMillis() >= view.untilMillis()) {
            return kept;
        }
        pause = view;
        return view;
    }

    @Override
    public CompletableFuture<Void> pauseUntil(Instant until) {
        Objects.requireNonNull(until, "until must not be null");
        long millis = Duration.between(clock.instant(), until).toMillis();
        if (millis <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            long readAt = System.nanoTime();
            long left = ((Number) redis.script(PAUSE, List.of(pauseKey), List.of(Long.toString(millis)))).longValue();
            if (refresher != null) {
                remember(new PauseView(clock.millis() + Math.max(0, left), readAt)); // holds this instance at once
            }
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
        if (refresher != null) {
            refresher.shutdownNow();
        }
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisProviderBudget[" + slotKey + ", "
                + (intervalMillis == 0 ? "no limit" : "one call every " + intervalMillis + " ms") + "]";
    }
}
