package dev.contentservice.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a generator is asked to draw: one style of one job's recommendation.
 *
 * <p>Made by {@link #of} or {@link #ofArt}, its prompt is built by {@link StylePrompt} each time a generator
 * asks for it, and never kept: an HTTP provider sends it once per attempt, while the local renderer draws from the
 * recommendation itself and never needs it (building three prompts was a tenth of a worker's CPU per job
 * with a generator that answers at once). A job waiting for the provider holds no prompt (each is about a
 * kilobyte of UTF-16; 5,000 waiting jobs held 18 MB of them).
 */
public final class ImageRequest {
    private final JobId jobId;
    private final ImageStyle style;
    private final Recommendation recommendation;
    private final Instant deadline;
    /** The caller's prompt, or null: built by {@link StylePrompt} when asked for. */
    private final String prompt;
    /** Without a caller's prompt: the art alone ({@link StylePrompt#art}) rather than the poster ({@link StylePrompt#of}). */
    private final boolean art;

    /**
     * @param prompt the text prompt
     * @param deadline the job's deadline: a generator gives up (with {@link ImageGenerationException#TIMEOUT})
     *     rather than retry past it
     */
    public ImageRequest(JobId jobId, ImageStyle style, Recommendation recommendation, String prompt, Instant deadline) {
        this(jobId, style, recommendation, deadline, prompt, false);
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt must not be blank");
        }
    }

    private ImageRequest(
            JobId jobId,
            ImageStyle style,
            Recommendation recommendation,
            Instant deadline,
            String prompt,
            boolean art) {
        this.jobId = Objects.requireNonNull(jobId, "jobId must not be null");
        this.style = Objects.requireNonNull(style, "style must not be null");
        this.recommendation = Objects.requireNonNull(recommendation, "recommendation must not be null");
        this.deadline = Objects.requireNonNull(deadline, "deadline must not be null");
        this.prompt = prompt;
        this.art = art;
    }

    /** The request for one style, whose prompt is {@link StylePrompt#of}, built when asked for. */
    public static ImageRequest of(JobId jobId, ImageStyle style, Recommendation recommendation, Instant deadline) {
        return new ImageRequest(jobId, style, recommendation, deadline, null, false);
    }

    /**
     * The request for one style's art without letters, for the service to set the words on: its prompt is
     * {@link StylePrompt#art}, built when asked for.
     */
    public static ImageRequest ofArt(JobId jobId, ImageStyle style, Recommendation recommendation, Instant deadline) {
        return new ImageRequest(jobId, style, recommendation, deadline, null, true);
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

    /** The text prompt (never blank: {@link StylePrompt} always writes the style, and the headline or the art's rules). */
    public String prompt() {
        if (prompt != null) {
            return prompt;
        }
        return art ? StylePrompt.art(style, recommendation) : StylePrompt.of(style, recommendation);
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
