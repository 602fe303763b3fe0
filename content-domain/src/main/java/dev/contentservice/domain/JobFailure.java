package dev.contentservice.domain;

import java.util.Objects;

/**
 * Why a job failed: a stable machine {@code code} (for example {@code IMAGEGEN_TIMEOUT}) and a short
 * human {@code detail}. The detail never holds a stack trace or a secret: adapters build it from what
 * they know, not from raw exception text of third parties.
 */
public record JobFailure(String code, String detail) {
    /** The job kept killing the workers that claimed it and was given up after too many attempts. */
    public static final String POISONED = "JOB_POISONED";
    /** The job's deadline (5 minutes by default) passed before the three images were ready. */
    public static final String DEADLINE = "IMAGEGEN_TIMEOUT";
    /** The images of a COMPLETED job are no longer stored. */
    public static final String IMAGES_MISSING = "IMAGES_MISSING";
    /** The client cancelled the job ({@code DELETE /api/content/jobs/{jobId}}). */
    public static final String CANCELED = "JOB_CANCELED";
    /** An unexpected error inside the worker. */
    public static final String INTERNAL = "INTERNAL_ERROR";

    private static final int MAX_DETAIL = 500;

    public JobFailure {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        Objects.requireNonNull(detail, "detail must not be null");
        if (detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL);
        }
    }

    public static JobFailure of(String code, String detail) {
        return new JobFailure(code, detail);
    }

    public static JobFailure from(ContentException error) {
        return new JobFailure(error.code(), error.getMessage() == null ? "" : error.getMessage());
    }
}
