package dev.contentservice.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where jobs live ({@code job:{jobId}} and {@code job:{jobId}:error} in Redis). Implementations are
 * thread-safe and every method is atomic. A backend provides this port together with its {@link
 * JobQueue}: {@link #submit} enqueues on that queue in the same atomic step.
 *
 * <p>Store failures surface as {@link StoreUnavailableException}.
 */
public interface JobRepository {

    /**
     * Submits a new PENDING job unless its draft already has one in flight. Atomically: if a job of the
     * same draft is PENDING or PROCESSING, that job is returned and nothing is written; otherwise the
     * candidate is stored for {@link Job#TTL}, marked as its draft's in-flight job, enqueued, and returned.
     * Two concurrent submits for one draft therefore yield one job.
     */
    Job submit(Job candidate);

    /**
     * Submits the job of the recommendation {@code source} holds for its draft now, as {@link #submit(Job)}
     * does; the recommendation is read first, so a missing or unusable one stores nothing. This default
     * reads, then submits; a backend that keeps the recommendations itself may do both in one atomic step
     * when {@code source} is its own (for Redis, one round trip per request).
     *
     * @return the new job, or the draft's job in flight
     * @throws RecommendationMissingException when the source holds no recommendation for the draft
     * @throws InvalidRecommendationException when the one it holds cannot be used
     */
    default Job submit(NewJob job, RecommendationSource source) {
        return submit(job.with(source.require(job.eventDraftId())));
    }

    /** The job, or empty when it never existed or its TTL passed. */
    Optional<Job> find(JobId id);

    /**
     * Writes {@code next} over the stored job if, atomically, the stored job exists and its status
     * {@linkplain JobStatus#mayBecome may become} {@code next.status()} (the one transition table). The TTL is left as it is. When
     * {@code next} is FAILED its failure is stored too (with the job's remaining TTL); when it is
     * terminal the draft's in-flight mark is cleared. A late or duplicate worker therefore never
     * overwrites COMPLETED or FAILED.
     *
     * @return whether {@code next} was written
     */
    boolean update(Job next);

    /**
     * Records finished styles on their jobs: for each record whose job is PROCESSING, atomically, the
     * style joins the job's {@link Job#stylesDone()}, its URL and generator are kept for a later claim
     * ({@link ClaimedJob#stored()}), {@code updatedAt} becomes the record's time and the change is noticed.
     * A record of a job that is gone or no longer PROCESSING changes nothing. A backend may write the
     * records in one round trip; each job's records are written in one atomic step.
     */
    void recordStyles(List<StoredStyle> records);
}
