package dev.contentservice.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a claim hands to a worker: the claim, the job as the claim left it (PROCESSING: the claim starts a
 * PENDING job in the same step) and the styles an earlier attempt already stored.
 *
 * @param stored the styles recorded with {@link JobRepository#recordStyles} by earlier attempts; a worker
 *     draws only the others
 */
public record ClaimedJob(JobQueue.Claim claim, Job job, Map<ImageStyle, StoredStyle> stored) {
    public ClaimedJob {
        Objects.requireNonNull(claim, "claim must not be null");
        Objects.requireNonNull(job, "job must not be null");
        if (!job.id().equals(claim.jobId())) {
            throw new IllegalArgumentException("job must be the claimed job " + claim.jobId() + ", was " + job.id());
        }
        Objects.requireNonNull(stored, "stored must not be null");
        EnumMap<ImageStyle, StoredStyle> copy = new EnumMap<>(ImageStyle.class);
        stored.forEach((style, image) -> {
            if (image.style() != style || !image.jobId().equals(job.id())) {
                throw new IllegalArgumentException("stored must hold images of this job under their own style");
            }
            copy.put(style, image);
        });
        stored = Collections.unmodifiableMap(copy);
    }

    /** A claim of a job with nothing stored yet. */
    public static ClaimedJob of(JobQueue.Claim claim, Job job) {
        return new ClaimedJob(claim, job, Map.of());
    }
}
