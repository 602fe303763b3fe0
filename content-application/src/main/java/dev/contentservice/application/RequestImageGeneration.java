package dev.contentservice.application;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobInFlightException;
import dev.contentservice.domain.JobOptions;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.JobType;
import dev.contentservice.domain.NewJob;
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
    private final JobWebhooks webhooks;

    /** Without webhooks: a request naming one is refused. */
    public RequestImageGeneration(
            RecommendationSource recommendations, JobRepository jobs, Clock clock, JobMetrics metrics) {
        this(recommendations, jobs, clock, metrics, JobWebhooks.NONE);
    }

    @Inject
    public RequestImageGeneration(
            RecommendationSource recommendations,
            JobRepository jobs,
            Clock clock,
            JobMetrics metrics,
            JobWebhooks webhooks) {
        this.recommendations = Objects.requireNonNull(recommendations, "recommendations");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    /**
     * @throws RecommendationMissingException when the AI service stored no recommendation (CONTENT_001)
     * @throws dev.contentservice.domain.InvalidRecommendationException when it is unusable (CONTENT_003)
     */
    public Submission request(EventDraftId eventDraftId) {
        return request(eventDraftId, JobOptions.DEFAULT);
    }

    /**
     * A request with the client's options (the optional body). While the draft has a job in flight, a
     * request with the default options is answered with that job, as the seed does; one with other
     * options than that job's is refused rather than merged or ignored.
     *
     * @throws dev.contentservice.domain.WebhooksDisabledException a webhook without a signing secret
     * @throws dev.contentservice.domain.WebhookRefusedException a webhook to a non-public address
     * @throws JobInFlightException the draft's job in flight was asked for with other options, or is an
     *     owner's edit ({@code IMAGE_EDIT})
     */
    public Submission request(EventDraftId eventDraftId, JobOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        webhooks.check(options);
        NewJob candidate = NewJob.of(eventDraftId, options, clock);
        Job job;
        if (options.webhook().isPresent()) {
            // its delivery is owed before the job exists, so no stored job can miss it: read, owe, then submit
            Job withWebhook = candidate.with(recommendations.require(eventDraftId));
            webhooks.owe(withWebhook);
            job = jobs.submit(withWebhook);
        } else {
            job = jobs.submit(candidate, recommendations); // the read and the submit in one step where the store can
        }
        boolean created = job.id().equals(candidate.id());
        if (created) {
            metrics.jobCreated();
            return new Submission(job, true);
        }
        if (options.webhook().isPresent()) {
            webhooks.notOwed(candidate.id());
        }
        if (job.type() != JobType.IMAGE_GEN
                || (!options.equals(JobOptions.DEFAULT) && !options.equals(job.options()))) {
            // an owner's edit holds the draft's set: a generation waits until it is done
            throw new JobInFlightException(job.id());
        }
        return new Submission(job, false);
    }

    /**
     * The accepted job.
     *
     * @param created false when an in-flight job of the same draft was answered instead
     */
    public record Submission(Job job, boolean created) {}
}
