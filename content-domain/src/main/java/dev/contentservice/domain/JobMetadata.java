package dev.contentservice.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The client's own data carried by a job, untouched: a JSON object of at most {@link #MAX_BYTES} bytes
 * (UTF-8), returned in the job's status and in its webhook. The domain keeps it as text; the adapter that
 * accepts it checks that it is a JSON object.
 */
public record JobMetadata(String json) {
    public static final int MAX_BYTES = 1024;

    public JobMetadata {
        Objects.requireNonNull(json, "json must not be null");
        String trimmed = json.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw new IllegalArgumentException("json must be a JSON object");
        }
        int bytes = trimmed.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("json must be at most " + MAX_BYTES + " bytes, was " + bytes);
        }
        json = trimmed;
    }

    public static JobMetadata of(String json) {
        return new JobMetadata(json);
    }
}
