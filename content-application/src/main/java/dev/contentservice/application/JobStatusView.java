package dev.contentservice.application;

import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;

/** What a client learns about a job: one of the seed's three answers for an existing job. */
public sealed interface JobStatusView {
    Job job();

    /** PENDING or PROCESSING (the seed reports both as PROCESSING). */
    record InProgress(Job job) implements JobStatusView {}

    /** COMPLETED, with the three URLs. */
    record Completed(Job job, ImageSet images) implements JobStatusView {}

    /** FAILED, with the stored reason. */
    record Failed(Job job, JobFailure failure) implements JobStatusView {}
}
