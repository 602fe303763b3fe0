package dev.contentservice.application;

import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobNotFoundException;
import dev.contentservice.domain.JobRepository;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;

/** Polling for the result: the four branches of the seed (missing, COMPLETED, in progress, FAILED). */
public final class ReadJobStatus {
    private final JobRepository jobs;
    private final ImageSetRepository imageSets;

    @Inject
    public ReadJobStatus(JobRepository jobs, ImageSetRepository imageSets) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.imageSets = Objects.requireNonNull(imageSets, "imageSets");
    }

    /**
     * Reads a job's status from an untrusted id. A malformed id is answered like a missing job.
     *
     * @throws JobNotFoundException when the id is malformed, the job never existed, or its TTL passed
     */
    public JobStatusView read(String rawJobId) {
        JobId id = JobId.parse(rawJobId).orElseThrow(() -> new JobNotFoundException(rawJobId));
        return read(id);
    }

    public JobStatusView read(JobId id) {
        Job job = jobs.find(id).orElseThrow(() -> new JobNotFoundException(id.toString()));
        return view(job);
    }

    /** The view of a job already read (used by waiters that were handed the job). */
    public JobStatusView view(Job job) {
        return switch (job.status()) {
            case PENDING, PROCESSING -> new JobStatusView.InProgress(job);
            case FAILED -> new JobStatusView.Failed(job, job.failure().orElseThrow());
            case COMPLETED -> {
                Optional<ImageSet> images = imageSets.find(job.eventDraftId());
                yield images.<JobStatusView>map(set -> new JobStatusView.Completed(job, set))
                        .orElseGet(() -> new JobStatusView.Failed(
                                job,
                                JobFailure.of(
                                        JobFailure.IMAGES_MISSING, "the images of this job are no longer stored")));
            }
        };
    }
}
