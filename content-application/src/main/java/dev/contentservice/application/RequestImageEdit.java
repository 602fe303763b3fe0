package dev.contentservice.application;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobInFlightException;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.RecommendationMissingException;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;

/**
 * Issue 13, item 4: accepts an owner's edit of one style of a draft's images as an {@code IMAGE_EDIT} job,
 * which the worker applies ({@link EditDraftImages#apply}). What can be refused at once is refused here
 * ({@link EditDraftImages#check}); the job is submitted through the same queue as a generation and takes the
 * draft's in-flight mark, so a generation and an edit never run on the same set at once.
 */
public final class RequestImageEdit {
    private final EditDraftImages edits;
    private final JobRepository jobs;
    private final Clock clock;
    private final JobMetrics metrics;

    @Inject
    public RequestImageEdit(EditDraftImages edits, JobRepository jobs, Clock clock, JobMetrics metrics) {
        this.edits = Objects.requireNonNull(edits, "edits");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * @return the new PENDING {@code IMAGE_EDIT} job
     * @throws dev.contentservice.domain.DraftImagesNotFoundException the draft has no images (CONTENT_004)
     * @throws RecommendationMissingException no recommendation is stored for the draft (CONTENT_001)
     * @throws dev.contentservice.domain.InvalidImageEditException the edit empties the headline
     * @throws JobInFlightException the draft has a job in flight (a generation or another edit)
     */
    public Job request(EventDraftId eventDraftId, ImageEdit edit) {
        Objects.requireNonNull(edit, "edit must not be null");
        Recommendation recommendation = edits.check(eventDraftId, edit); // the snapshot the job keeps
        Job candidate = Job.edit(JobId.random(), recommendation, edit, clock);
        Job job = jobs.submit(candidate);
        if (!job.id().equals(candidate.id())) {
            throw new JobInFlightException(job.id());
        }
        metrics.jobCreated();
        return job;
    }
}
