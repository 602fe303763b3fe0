package dev.contentservice.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A job of the worker: an image generation ({@link JobType#IMAGE_GEN}) or an owner's edit ({@link
 * JobType#IMAGE_EDIT}). Immutable: every transition returns the next state and refuses any move that
 * {@link JobStatus#mayBecome the one transition table} does not allow. Time comes from a {@link
 * Clock}, never from the system directly.
 *
 * @param stylesDone the styles whose image is already stored (progress of a PROCESSING job)
 * @param failure present exactly when the status is FAILED
 * @param generator which generator produced the images of a COMPLETED job (for example {@code local})
 * @param options what the client asked for beyond the draft (formats, webhook, metadata)
 * @param edit the owner's edit an {@link JobType#IMAGE_EDIT} job applies; empty for an {@link
 *     JobType#IMAGE_GEN} job (the {@linkplain #type() type} follows from it)
 */
public record Job(
        JobId id,
        EventDraftId eventDraftId,
        JobStatus status,
        Instant createdAt,
        Instant updatedAt,
        Recommendation recommendation,
        Set<ImageStyle> stylesDone,
        Optional<JobFailure> failure,
        Optional<String> generator,
        JobOptions options,
        Optional<ImageEdit> edit) {

    /** The type of a generation job, as {@code job:{jobId}} stores it (the SPEC's {@code type}). */
    public static final String TYPE = "IMAGE_GEN";
    /** How long {@code job:{jobId}} and {@code job:{jobId}:error} live. */
    public static final Duration TTL = Duration.ofHours(1);

    public Job {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(eventDraftId, "eventDraftId must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        Objects.requireNonNull(updatedAt, "updatedAt must not be null");
        Objects.requireNonNull(recommendation, "recommendation must not be null");
        Objects.requireNonNull(failure, "failure must not be null (use Optional.empty())");
        Objects.requireNonNull(generator, "generator must not be null (use Optional.empty())");
        Objects.requireNonNull(options, "options must not be null (use JobOptions.DEFAULT)");
        Objects.requireNonNull(edit, "edit must not be null (use Optional.empty())");
        if (!recommendation.eventDraftId().equals(eventDraftId)) {
            throw new IllegalArgumentException("recommendation must belong to eventDraftId " + eventDraftId);
        }
        if (failure.isPresent() != (status == JobStatus.FAILED)) {
            throw new IllegalArgumentException("failure must be present exactly when status is FAILED");
        }
        stylesDone = stylesDone == null || stylesDone.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(stylesDone));
    }

    /** A new PENDING job for the recommendation, stamped with the clock's instant. */
    public static Job create(JobId id, Recommendation recommendation, Clock clock) {
        return create(id, recommendation, JobOptions.DEFAULT, clock);
    }

    /** A new PENDING job for the recommendation with the client's options. */
    public static Job create(JobId id, Recommendation recommendation, JobOptions options, Clock clock) {
        Instant now = clock.instant();
        return new Job(
                id,
                recommendation.eventDraftId(),
                JobStatus.PENDING,
                now,
                now,
                recommendation,
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                options,
                Optional.empty());
    }

    /**
     * A new PENDING {@link JobType#IMAGE_EDIT} job: applies the owner's edit to the draft's images. It has the
     * default options (no formats of its own: it re-sets every format of the set, no webhook, no metadata).
     */
    public static Job edit(JobId id, Recommendation recommendation, ImageEdit edit, Clock clock) {
        Objects.requireNonNull(edit, "edit must not be null");
        return create(id, recommendation, JobOptions.DEFAULT, clock).withEdit(edit);
    }

    /** What the job does: {@link JobType#IMAGE_EDIT} when it carries an edit, else {@link JobType#IMAGE_GEN}. */
    public JobType type() {
        return edit.isPresent() ? JobType.IMAGE_EDIT : JobType.IMAGE_GEN;
    }

    /** The job with its options replaced (an adapter reading a stored job sets them this way). */
    public Job withOptions(JobOptions value) {
        return new Job(
                id,
                eventDraftId,
                status,
                createdAt,
                updatedAt,
                recommendation,
                stylesDone,
                failure,
                generator,
                value,
                edit);
    }

    /** The job as an {@link JobType#IMAGE_EDIT} job applying {@code value}. */
    public Job withEdit(ImageEdit value) {
        return new Job(
                id,
                eventDraftId,
                status,
                createdAt,
                updatedAt,
                recommendation,
                stylesDone,
                failure,
                generator,
                options,
                Optional.of(Objects.requireNonNull(value, "edit must not be null")));
    }

    /** PENDING → PROCESSING. */
    public Job start(Clock clock) {
        if (status != JobStatus.PENDING) {
            // the table lets PROCESSING be rewritten by PROCESSING (progress): that edge is styleDone's
            throw new IllegalJobTransitionException(id, status, JobStatus.PROCESSING);
        }
        return moveTo(JobStatus.PROCESSING, clock, stylesDone, failure, generator);
    }

    /** Records that one style's image is stored: PROCESSING → PROCESSING, and nothing else. */
    public Job styleDone(ImageStyle style, Clock clock) {
        Objects.requireNonNull(style, "style must not be null");
        if (status != JobStatus.PROCESSING) {
            throw new IllegalJobTransitionException(id, status, JobStatus.PROCESSING);
        }
        EnumSet<ImageStyle> done = stylesDone.isEmpty() ? EnumSet.noneOf(ImageStyle.class) : EnumSet.copyOf(stylesDone);
        done.add(style);
        return moveTo(JobStatus.PROCESSING, clock, done, failure, generator);
    }

    /** PROCESSING → COMPLETED; every style is then done. */
    public Job complete(String generatorName, Clock clock) {
        if (generatorName == null || generatorName.isBlank()) {
            throw new IllegalArgumentException("generatorName must not be blank");
        }
        return moveTo(
                JobStatus.COMPLETED,
                clock,
                EnumSet.allOf(ImageStyle.class),
                Optional.empty(),
                Optional.of(generatorName));
    }

    /** PENDING or PROCESSING → FAILED. A job may fail before it started (a poison job, for example). */
    public Job fail(JobFailure why, Clock clock) {
        Objects.requireNonNull(why, "why must not be null");
        return moveTo(JobStatus.FAILED, clock, stylesDone, Optional.of(why), Optional.empty());
    }

    /** When the job's record expires: {@link #TTL} after its creation. */
    public Instant expiresAt() {
        return createdAt.plus(TTL);
    }

    private Job moveTo(
            JobStatus next,
            Clock clock,
            Set<ImageStyle> nextStylesDone,
            Optional<JobFailure> nextFailure,
            Optional<String> nextGenerator) {
        if (!status.mayBecome(next)) {
            throw new IllegalJobTransitionException(id, status, next);
        }
        return new Job(
                id,
                eventDraftId,
                next,
                createdAt,
                clock.instant(),
                recommendation,
                nextStylesDone,
                nextFailure,
                nextGenerator,
                options,
                edit);
    }
}
