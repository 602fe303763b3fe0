package dev.contentservice.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One style's finished image, recorded on its job as soon as it is stored, so that a job taken over after
 * a crash or a lost lease draws only the styles still missing.
 *
 * @param url where the stored image is served (the URL the image set will hold)
 * @param generator the generator that drew it (for example {@code local})
 * @param storedAt when it was stored (the job's {@code updatedAt} after the record)
 */
public record StoredStyle(JobId jobId, ImageStyle style, String url, String generator, Instant storedAt) {
    public StoredStyle {
        Objects.requireNonNull(jobId, "jobId must not be null");
        Objects.requireNonNull(style, "style must not be null");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url must not be blank");
        }
        if (generator == null || generator.isBlank()) {
            throw new IllegalArgumentException("generator must not be blank");
        }
        Objects.requireNonNull(storedAt, "storedAt must not be null");
    }
}
