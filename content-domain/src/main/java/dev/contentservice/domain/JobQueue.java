package dev.contentservice.domain;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The work queue that feeds the background workers, at least once: a claimed job that is neither
 * {@linkplain #finish finished}, {@linkplain #complete completed} nor {@linkplain #renew renewed} within
 * the lease is handed out again by a later {@link #claim}, to this or another instance. Jobs enter the
 * queue through {@link JobRepository#submit}; a backend provides this port together with that {@link
 * JobRepository} and the {@link ImageSetRepository} {@link #finish} writes to.
 */
public interface JobQueue {

    /**
     * Waits up to {@code timeout} for jobs (new ones, released ones, or ones whose lease expired) and
     * claims up to {@code max} of them at once. Blocks without busy polling. Atomically with each claim,
     * the attempt is counted and a PENDING job becomes PROCESSING (and is noticed as changed); an entry
     * whose job is gone or already COMPLETED or FAILED is acknowledged on the way and never handed out.
     *
     * @return the claimed jobs, oldest first; empty when none came within the timeout
     */
    List<ClaimedJob> claim(int max, Duration timeout) throws InterruptedException;

    /** {@link #claim(int, Duration)} of at most one job. */
    default Optional<Claim> claim(Duration timeout) throws InterruptedException {
        return claim(1, timeout).stream().findFirst().map(ClaimedJob::claim);
    }

    /**
     * Extends the leases of claims that are still being worked on, all in one step.
     *
     * @return the claims that were not renewed because this instance no longer holds them (their lease
     *     ran out and another worker claimed the job meanwhile, or the job is gone)
     */
    Set<Claim> renew(Collection<Claim> claims);

    /** Extends the lease of one claim. */
    default void renew(Claim claim) {
        renew(List.of(claim));
    }

    /** The job reached a terminal state (or no longer exists): forget it. */
    void complete(Claim claim);

    /**
     * Finishes a claimed job in one atomic step: when {@code images} is present, stores them as the draft's
     * images exactly as {@link ImageSetRepository#save} does (for {@link ImageSet#TTL}); writes {@code outcome} exactly as {@link JobRepository#update}
     * does (forward only, the failure detail, the in-flight mark, the change notice), and forgets the claim
     * as {@link #complete} does. When the stored job may not become {@code outcome} (it is gone, or already
     * finished by another worker) neither the job nor the image set is written, and the claim is still
     * forgotten.
     *
     * @param outcome the job COMPLETED or FAILED
     * @param images the images a COMPLETED job made; empty for a FAILED one
     * @return whether {@code outcome} was written
     */
    boolean finish(Claim claim, Job outcome, Optional<DraftImages> images);

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
