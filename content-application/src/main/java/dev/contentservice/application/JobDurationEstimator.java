package dev.contentservice.application;

import dev.contentservice.domain.Job;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An honest {@code Retry-After}: how long a job in progress probably still takes, from the durations of
 * the last {@value #SAMPLES} jobs this instance completed (their median, minus the job's age), clamped
 * to {@value #MIN_SECONDS}..{@value #MAX_SECONDS} seconds; {@value #DEFAULT_SECONDS} while nothing is
 * known yet. Fed by the worker through {@link JobMetrics#jobCompleted}. Thread-safe, in memory only.
 */
public final class JobDurationEstimator implements JobMetrics {
    static final int SAMPLES = 50;
    public static final int DEFAULT_SECONDS = 2;
    public static final int MIN_SECONDS = 1;
    public static final int MAX_SECONDS = 10;

    private final Clock clock;
    private final long[] recentMillis = new long[SAMPLES];
    private int count;
    private int next;

    @Inject
    public JobDurationEstimator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Remembers how long a completed job took. */
    public synchronized void record(Duration took) {
        Objects.requireNonNull(took, "took must not be null");
        if (took.isNegative()) {
            return;
        }
        recentMillis[next] = took.toMillis();
        next = (next + 1) % SAMPLES;
        count = Math.min(count + 1, SAMPLES);
    }

    @Override
    public void jobCompleted(Duration took) {
        record(took);
    }

    /** The median duration of the recent jobs, when there were any. */
    public synchronized Optional<Duration> typicalDuration() {
        if (count == 0) {
            return Optional.empty();
        }
        long[] sorted = Arrays.copyOf(recentMillis, count);
        Arrays.sort(sorted);
        return Optional.of(Duration.ofMillis(sorted[count / 2]));
    }

    /** Seconds a client should wait before asking about this job again. */
    public int retryAfterSeconds(Job job) {
        return retryAfterSeconds(job, DEFAULT_SECONDS);
    }

    /** Like {@link #retryAfterSeconds(Job)}, answering {@code whenUnknown} while no job completed yet. */
    public int retryAfterSeconds(Job job, int whenUnknown) {
        Objects.requireNonNull(job, "job must not be null");
        Optional<Duration> typical = typicalDuration();
        if (typical.isEmpty()) {
            return whenUnknown;
        }
        Duration age = Duration.between(job.createdAt(), clock.instant());
        long remainingMillis = typical.get().minus(age).toMillis();
        long seconds = (remainingMillis + 999) / 1000; // round up: better a little late than too early
        return (int) Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, seconds));
    }
}
