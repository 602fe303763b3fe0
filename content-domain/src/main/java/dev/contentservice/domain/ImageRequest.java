package dev.contentservice.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a generator is asked to draw: one style of one job's recommendation.
 *
 * @param prompt the text prompt built by {@link StylePrompt}
 * @param deadline the job's deadline: a generator gives up (with {@link ImageGenerationException#TIMEOUT})
 *     rather than retry past it
 */
public record ImageRequest(
        JobId jobId, ImageStyle style, Recommendation recommendation, String prompt, Instant deadline) {

    public ImageRequest {
        Objects.requireNonNull(jobId, "jobId must not be null");
        Objects.requireNonNull(style, "style must not be null");
        Objects.requireNonNull(recommendation, "recommendation must not be null");
        Objects.requireNonNull(deadline, "deadline must not be null");
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt must not be blank");
        }
    }

    public static ImageRequest of(JobId jobId, ImageStyle style, Recommendation recommendation, Instant deadline) {
        return new ImageRequest(jobId, style, recommendation, StylePrompt.of(style, recommendation), deadline);
    }
}
