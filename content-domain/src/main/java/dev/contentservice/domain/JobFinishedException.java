package dev.contentservice.domain;

/** A job that is already COMPLETED or FAILED cannot be cancelled. Answered with 409 JOB_002. */
public final class JobFinishedException extends ContentException {
    public static final String CODE = "JOB_002";

    private final JobStatus status;

    public JobFinishedException(JobId id, JobStatus status) {
        super(CODE, "job " + id + " already ended " + status);
        this.status = status;
    }

    public JobStatus status() {
        return status;
    }
}
