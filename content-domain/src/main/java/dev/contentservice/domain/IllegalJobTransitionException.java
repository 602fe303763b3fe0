package dev.contentservice.domain;

/** A job was asked to move somewhere its life cycle does not allow (status only moves forward). */
public final class IllegalJobTransitionException extends ContentException {
    public static final String CODE = "JOB_TRANSITION";

    public IllegalJobTransitionException(JobId jobId, JobStatus from, JobStatus to) {
        super(CODE, "job " + jobId + " cannot move from " + from + " to " + to);
    }
}
