package dev.contentservice.application;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.RecommendationMissingException;
import dev.contentservice.domain.RecommendationSource;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;

/**
 * UFR-CONT-010: accept a request to draw the three images of a draft. Reads the selected AI
 * recommendation, snapshots it into a new PENDING job and enqueues it; while the draft already has a job
 * in flight, answers with that job instead of starting a second one.
 */
public final class RequestImageGeneration {
    private final RecommendationSource recommendations;
    private final JobRepository jobs;
    private final Clock clock;
    private final JobMetrics metrics;

    @Inject
    public RequestImageGeneration(
            RecommendationSource recommendations, JobRepository jobs, Clock clock, JobMetrics metrics) {
        this.recommendations = Objects.requireNonNull(recommendations, "recommendations");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * @throws RecommendationMissingException when the AI service stored no recommendation (CONTENT_001)
     * @throws dev.contentservice.domain.InvalidRecommendationException when it is unusable (CONTENT_003)
     */
    public Submission request(EventDraftId eventDraftId) {
        Recommendation recommendation =
                recommendations.find(eventDraftId).orElseThrow(() -> new RecommendationMissingException(eventDraftId));
        Job candidate = Job.create(JobId.random(), recommendation, clock);
        Job job = jobs.submit(candidate);
        boolean created = job.id().equals(candidate.id());
        if (created) {
            metrics.jobCreated();
        }
        return new Submission(job, created);
    }

    /**
     * The accepted job.
     *
     * @param created false when an in-flight job of the same draft was answered instead
     */
    public record Submission(Job job, boolean created) {}
}
