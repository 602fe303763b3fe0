package dev.contentservice.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A generation job about to be submitted, before its draft's recommendation is read: everything {@link
 * Job#create} needs but the recommendation. {@link JobRepository#submit(NewJob, RecommendationSource)} reads
 * the recommendation and makes the job of it.
 */
public record NewJob(JobId id, EventDraftId eventDraftId, JobOptions options, Instant createdAt) {

    public NewJob {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(eventDraftId, "eventDraftId must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
    }

    /** A new job with a fresh id, created now. */
    public static NewJob of(EventDraftId eventDraftId, JobOptions options, Clock clock) {
        return new NewJob(JobId.random(), eventDraftId, options, clock.instant());
    }

    /** The PENDING job of the recommendation read for this draft. */
    public Job with(Recommendation recommendation) {
        if (!recommendation.eventDraftId().equals(eventDraftId)) {
            throw new IllegalArgumentException(
                    "recommendation of " + recommendation.eventDraftId() + " for a job of " + eventDraftId);
        }
        return Job.create(id, recommendation, options, Clock.fixed(createdAt, ZoneOffset.UTC));
    }
}
