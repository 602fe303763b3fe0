package dev.contentservice.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The webhook a job owes its client, as the outbox keeps it. One per job; its {@link #id()} (the {@code
 * webhook-id} header) is the same on every attempt, so receivers can drop duplicates.
 *
 * @param payload the body to send, fixed when the job ended; empty while the job is still running
 * @param attempts how many attempts were made so far
 * @param firstAttemptAt when the first attempt was made (the retry window counts from it)
 * @param dueAt when the next step is due (an attempt, or a look at a job still running)
 * @param expiresAt when the outbox forgets the delivery whatever its state
 */
public record WebhookDelivery(
        JobId jobId,
        WebhookTarget target,
        Optional<String> payload,
        int attempts,
        Optional<Instant> firstAttemptAt,
        Instant dueAt,
        Instant expiresAt) {

    public WebhookDelivery {
        Objects.requireNonNull(jobId, "jobId must not be null");
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(payload, "payload must not be null (use Optional.empty())");
        Objects.requireNonNull(firstAttemptAt, "firstAttemptAt must not be null (use Optional.empty())");
        Objects.requireNonNull(dueAt, "dueAt must not be null");
        Objects.requireNonNull(expiresAt, "expiresAt must not be null");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
        }
        if (attempts > 0 && firstAttemptAt.isEmpty()) {
            throw new IllegalArgumentException("firstAttemptAt must be present once an attempt was made");
        }
    }

    /** A delivery owed by a job that has not ended yet: due for a first look at {@code dueAt}. */
    public static WebhookDelivery owed(JobId jobId, WebhookTarget target, Instant dueAt, Instant expiresAt) {
        return new WebhookDelivery(jobId, target, Optional.empty(), 0, Optional.empty(), dueAt, expiresAt);
    }

    /** The {@code webhook-id}: {@code msg_} and the job id. */
    public String id() {
        return "msg_" + jobId.toString().replace("-", "");
    }

    public WebhookDelivery withPayload(String value) {
        return new WebhookDelivery(jobId, target, Optional.of(value), attempts, firstAttemptAt, dueAt, expiresAt);
    }

    public WebhookDelivery dueAt(Instant value) {
        return new WebhookDelivery(jobId, target, payload, attempts, firstAttemptAt, value, expiresAt);
    }

    public WebhookDelivery expiresAt(Instant value) {
        return new WebhookDelivery(jobId, target, payload, attempts, firstAttemptAt, dueAt, value);
    }

    /** One more failed attempt made at {@code at}, the next one due at {@code next}. */
    public WebhookDelivery attemptFailed(Instant at, Instant next) {
        return new WebhookDelivery(
                jobId, target, payload, attempts + 1, Optional.of(firstAttemptAt.orElse(at)), next, expiresAt);
    }
}
