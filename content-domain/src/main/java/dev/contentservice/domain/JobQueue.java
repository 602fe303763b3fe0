package dev.contentservice.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * The work queue that feeds the background workers, at least once: a claimed job that is neither
 * {@linkplain #complete completed} nor {@linkplain #renew renewed} within the lease is handed out
 * again by a later {@link #claim}, to this or another instance. Jobs enter the queue through {@link
 * JobRepository#submit}.
 */
public interface JobQueue {

    /**
     * Waits up to {@code timeout} for a job (a new one, a released one, or one whose lease expired) and
     * claims it. Blocks without busy polling.
     */
    Optional<Claim> claim(Duration timeout) throws InterruptedException;

    /** Extends the lease of a claim that is still being worked on. */
    void renew(Claim claim);

    /** The job reached a terminal state (or no longer exists): forget it. */
    void complete(Claim claim);

    /** Gives the job back at once, unfinished, for another worker (used at shutdown). */
    void release(Claim claim);

    /**
     * How many jobs wait to be claimed right now, across every instance that shares the queue (jobs being
     * worked on are not counted). For the queue-depth metric; a backend that cannot tell says empty.
     */
    default java.util.OptionalLong waiting() {
        return java.util.OptionalLong.empty();
    }

    /**
     * A claimed job.
     *
     * @param attempt how many times the job has been claimed, this claim included (1 on the first); a
     *     claim given back with {@link JobQueue#release} does not count
     * @param receipt the backend's handle for this delivery (a stream entry id, for example)
     */
    record Claim(JobId jobId, int attempt, String receipt) {
        public Claim {
            if (jobId == null) {
                throw new IllegalArgumentException("jobId must not be null");
            }
            if (attempt < 1) {
                throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
            }
            if (receipt == null) {
                throw new IllegalArgumentException("receipt must not be null");
            }
        }
    }
}
