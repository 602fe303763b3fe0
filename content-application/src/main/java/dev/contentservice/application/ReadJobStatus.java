package dev.contentservice.application;

import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobNotFoundException;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.JobType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Polling for the result: the four branches of the seed (missing, COMPLETED, in progress, FAILED). */
public final class ReadJobStatus {
    /** At most this many finished jobs are kept in memory; beyond it the memory starts over. */
    static final int MAX_REMEMBERED = 10_000;

    private final JobRepository jobs;
    private final ImageSetRepository imageSets;
    private final Clock clock;
    private final ConcurrentHashMap<JobId, Job> finished = new ConcurrentHashMap<>();

    /**
     * Remembers finished jobs until their TTL ends, by the clock. A COMPLETED or FAILED job never changes
     * again (the store refuses any write over a terminal state), so polling it needs only its image set
     * from the store: one round trip instead of two, and no parsing of the job's snapshot.
     */
    @Inject
    public ReadJobStatus(JobRepository jobs, ImageSetRepository imageSets, Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.imageSets = Objects.requireNonNull(imageSets, "imageSets");
        this.clock = Objects.requireNonNull(clock, "clock");
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
        Job job = remembered(id).orElseGet(() -> {
            Job found = jobs.find(id).orElseThrow(() -> new JobNotFoundException(id.toString()));
            remember(found);
            return found;
        });
        return view(job);
    }

    private Optional<Job> remembered(JobId id) {
        Job job = finished.get(id);
        if (job == null) {
            return Optional.empty();
        }
        if (!job.expiresAt().isAfter(clock.instant())) {
            finished.remove(id, job);
            return Optional.empty();
        }
        return Optional.of(job);
    }

    private void remember(Job job) {
        if (!job.status().isTerminal()) {
            return;
        }
        if (finished.size() >= MAX_REMEMBERED) {
            finished.clear();
        }
        finished.put(job.id(), job);
    }

    private JobStatusView view(Job job) {
        return switch (job.status()) {
            case PENDING, PROCESSING -> new JobStatusView.InProgress(job);
            case FAILED -> new JobStatusView.Failed(job, job.failure().orElseThrow());
            case COMPLETED -> {
                Optional<DraftImages> latest = imageSets.latest(job.eventDraftId());
                // an edit's images are the set it restyled (named by the generation that made it): the
                // set as it is now, every format it has, so the client sees the new image
                if (latest.isPresent()
                        && (job.type() == JobType.IMAGE_EDIT
                                || latest.get().jobId().equals(job.id()))) {
                    yield new JobStatusView.Completed(
                            job, latest.get().images(), latest.get().formats());
                }
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
