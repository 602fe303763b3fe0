package dev.contentservice.application;

import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobFinishedException;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobNotFoundException;
import dev.contentservice.domain.JobRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code DELETE /api/content/jobs/{jobId}}: a PENDING or PROCESSING job ends FAILED with {@link
 * JobFailure#CANCELED}. The write clears the draft's in-flight mark (so the draft can be generated again
 * at once) and is noticed on every instance: the one working on the job stops its provider calls.
 */
public final class CancelJob {
    static final String DETAIL = "the job was canceled by the client";

    private final JobRepository jobs;
    private final Clock clock;
    private final JobMetrics metrics;
    private final JobWebhooks webhooks;

    @Inject
    public CancelJob(JobRepository jobs, Clock clock, JobMetrics metrics, JobWebhooks webhooks) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    /**
     * Cancels a job named by an untrusted id.
     *
     * @return the canceled job's status (FAILED, reason {@code JOB_CANCELED})
     * @throws JobNotFoundException when the id is malformed, or no such job lives (JOB_001)
     * @throws JobFinishedException when the job already ended, COMPLETED or FAILED (JOB_002)
     */
    public JobStatusView cancel(String rawJobId) {
        JobId id = JobId.parse(rawJobId).orElseThrow(() -> new JobNotFoundException(rawJobId));
        // a worker may move the job between our read and our write: the store refuses only terminal moves
        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = jobs.find(id).orElseThrow(() -> new JobNotFoundException(rawJobId));
            if (job.status().isTerminal()) {
                throw new JobFinishedException(id, job.status());
            }
            JobFailure why = JobFailure.of(JobFailure.CANCELED, DETAIL);
            Job canceled = job.fail(why, clock);
            if (jobs.update(canceled)) {
                metrics.jobFailed(why.code(), Duration.between(job.createdAt(), clock.instant()));
                webhooks.jobEnded(id);
                return new JobStatusView.Failed(canceled, why);
            }
        }
        Job job = jobs.find(id).orElseThrow(() -> new JobNotFoundException(rawJobId));
        throw new JobFinishedException(id, job.status());
    }
}
