package dev.contentservice.application;

import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.PosterFormat;
import java.util.Map;

/** What a client learns about a job: one of the seed's three answers for an existing job. */
public sealed interface JobStatusView {
    Job job();

    /** PENDING or PROCESSING (the seed reports both as PROCESSING). */
    record InProgress(Job job) implements JobStatusView {}

    /** COMPLETED, with the three square URLs and, when the job asked for more formats, theirs. */
    record Completed(Job job, ImageSet images, Map<PosterFormat, ImageSet> formats) implements JobStatusView {
        public Completed {
            formats = Map.copyOf(formats);
        }

        public Completed(Job job, ImageSet images) {
            this(job, images, Map.of());
        }
    }

    /** FAILED, with the stored reason. */
    record Failed(Job job, JobFailure failure) implements JobStatusView {}
}
