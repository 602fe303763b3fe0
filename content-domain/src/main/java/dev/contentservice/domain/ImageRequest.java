package dev.contentservice.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a generator is asked to draw: one style of one job's recommendation.
 *
 * <p>Made by {@link #of}, its prompt is built by {@link StylePrompt} when a generator first asks for it: an
 * HTTP provider sends it, while the local renderer draws from the recommendation itself and never needs it
 * (building three prompts was a tenth of a worker's CPU per job with a generator that answers at once).
 */
public final class ImageRequest {
    private final JobId jobId;
    private final ImageStyle style;
    private final Recommendation recommendation;
    private final Instant deadline;
    private volatile String prompt;

    /**
     * @param prompt the text prompt
     * @param deadline the job's deadline: a generator gives up (with {@link ImageGenerationException#TIMEOUT})
     *     rather than retry past it
     */
    public ImageRequest(JobId jobId, ImageStyle style, Recommendation recommendation, String prompt, Instant deadline) {
        this(jobId, style, recommendation, deadline, prompt);
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt must not be blank");
        }
    }

    private ImageRequest(
            JobId jobId, ImageStyle style, Recommendation recommendation, Instant deadline, String prompt) {
        this.jobId = Objects.requireNonNull(jobId, "jobId must not be null");
        this.style = Objects.requireNonNull(style, "style must not be null");
        this.recommendation = Objects.requireNonNull(recommendation, "recommendation must not be null");
        this.deadline = Objects.requireNonNull(deadline, "deadline must not be null");
        this.prompt = prompt;
    }

    /** The request for one style, whose prompt is {@link StylePrompt#of}, built when first asked for. */
    public static ImageRequest of(JobId jobId, ImageStyle style, Recommendation recommendation, Instant deadline) {
        return new ImageRequest(jobId, style, recommendation, deadline, null);
    }

    public JobId jobId() {
        return jobId;
    }

    public ImageStyle style() {
        return style;
    }

    public Recommendation recommendation() {
        return recommendation;
    }

    /** The text prompt (never blank: {@link StylePrompt#of} always writes the style and the headline). */
    public String prompt() {
        String built = prompt;
        if (built == null) {
            built = StylePrompt.of(style, recommendation);
            prompt = built;
        }
        return built;
    }

    public Instant deadline() {
        return deadline;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageRequest that
                && jobId.equals(that.jobId)
                && style == that.style
                && recommendation.equals(that.recommendation)
                && prompt().equals(that.prompt())
                && deadline.equals(that.deadline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, style, recommendation, prompt(), deadline);
    }

    @Override
    public String toString() {
        return "ImageRequest[jobId=" + jobId + ", style=" + style + ", recommendation=" + recommendation + ", prompt="
                + prompt() + ", deadline=" + deadline + "]";
    }
}
