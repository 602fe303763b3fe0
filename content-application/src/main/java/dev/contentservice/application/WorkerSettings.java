package dev.contentservice.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How the background worker runs. Validated eagerly; {@link #defaults()} are the service's defaults.
 *
 * @param pollers threads that wait on the queue for new jobs
 * @param maxInFlightJobs jobs processed at once by this instance (the rest wait in the queue)
 * @param jobDeadline a job's whole time budget, from the moment it is claimed (5 minutes in the seed)
 * @param claimTimeout how long one blocking claim waits before the poller checks whether it should stop
 * @param renewEvery how often the leases of held jobs are renewed (well below the queue's lease)
 * @param maxAttempts claims after which a job that keeps killing its workers is failed as poisoned
 * @param shutdownGrace how long {@link ImageGenerationWorker#close()} lets running jobs finish before it
 *     releases them to other instances
 */
public record WorkerSettings(
        int pollers,
        int maxInFlightJobs,
        Duration jobDeadline,
        Duration claimTimeout,
        Duration renewEvery,
        int maxAttempts,
        Duration shutdownGrace) {

    public WorkerSettings {
        if (pollers < 1) {
            throw new IllegalArgumentException("pollers must be >= 1, was " + pollers);
        }
        if (maxInFlightJobs < 1) {
            throw new IllegalArgumentException("maxInFlightJobs must be >= 1, was " + maxInFlightJobs);
        }
        requirePositive(jobDeadline, "jobDeadline");
        requirePositive(claimTimeout, "claimTimeout");
        requirePositive(renewEvery, "renewEvery");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        Objects.requireNonNull(shutdownGrace, "shutdownGrace must not be null");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative");
        }
    }

    public static WorkerSettings defaults() {
        return new WorkerSettings(
                2, 256, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(10), 3, Duration.ZERO);
    }

    public WorkerSettings withMaxInFlightJobs(int value) {
        return new WorkerSettings(pollers, value, jobDeadline, claimTimeout, renewEvery, maxAttempts, shutdownGrace);
    }

    public WorkerSettings withJobDeadline(Duration value) {
        return new WorkerSettings(
                pollers, maxInFlightJobs, value, claimTimeout, renewEvery, maxAttempts, shutdownGrace);
    }

    public WorkerSettings withClaimTimeout(Duration value) {
        return new WorkerSettings(pollers, maxInFlightJobs, jobDeadline, value, renewEvery, maxAttempts, shutdownGrace);
    }

    public WorkerSettings withRenewEvery(Duration value) {
        return new WorkerSettings(
                pollers, maxInFlightJobs, jobDeadline, claimTimeout, value, maxAttempts, shutdownGrace);
    }

    public WorkerSettings withMaxAttempts(int value) {
        return new WorkerSettings(
                pollers, maxInFlightJobs, jobDeadline, claimTimeout, renewEvery, value, shutdownGrace);
    }

    public WorkerSettings withShutdownGrace(Duration value) {
        return new WorkerSettings(pollers, maxInFlightJobs, jobDeadline, claimTimeout, renewEvery, maxAttempts, value);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
