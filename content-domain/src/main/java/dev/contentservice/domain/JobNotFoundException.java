package dev.contentservice.domain;

/** The job never existed, its id is malformed, or its one-hour TTL passed. Answered with 404 JOB_001. */
public final class JobNotFoundException extends ContentException {
    public static final String CODE = "JOB_001";

    public JobNotFoundException(String rawJobId) {
        super(CODE, "no job with id " + abbreviate(rawJobId));
    }

    private static String abbreviate(String raw) {
        if (raw == null) {
            return "null";
        }
        return raw.length() <= 64 ? raw : raw.substring(0, 64) + "…";
    }
}
