package dev.contentservice.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The webhooks owed to clients, kept in the job store so that a delivery owed by an instance that dies
 * is made by another. A delivery is due at a time; whoever {@linkplain #claim claims} it holds it for a
 * lease, and a claim that is neither {@linkplain #reschedule rescheduled} nor {@linkplain #remove removed}
 * within its lease is handed out again. Thread-safe; every method is atomic. Store failures surface as
 * {@link StoreUnavailableException}.
 */
public interface WebhookOutbox {

    /** Stores a delivery, replacing any of the same job, due at its {@link WebhookDelivery#dueAt()}. */
    void add(WebhookDelivery delivery);

    /** The delivery of a job, claimed or not; empty when there is none (or it expired). */
    Optional<WebhookDelivery> find(JobId jobId);

    /**
     * Claims up to {@code max} deliveries due at {@code now}, earliest first: each is then held for
     * {@code lease} (not due for anyone else until {@code now + lease}).
     */
    List<Claim> claim(Instant now, Duration lease, int max);

    /**
     * Writes the next state of a claimed delivery (its attempts, payload and due time) and lets the claim
     * go, if the claim is still the delivery's current one.
     *
     * @return false when the claim was lost (its lease ran out and another claimed it, or it was removed)
     */
    boolean reschedule(Claim claim, WebhookDelivery next);

    /** Forgets a claimed delivery (delivered, or given up) if the claim is still current. */
    boolean remove(Claim claim);

    /** Forgets a job's delivery whatever its state (a job that was never stored, for example). */
    void forget(JobId jobId);

    /**
     * Makes the delivery of a job due at {@code now} when it still waits for its job to end and nobody
     * holds it: a hint that the job ended. Does nothing otherwise.
     */
    void wake(JobId jobId, Instant now);

    /**
     * A claimed delivery.
     *
     * @param token the claim's own token: a later claim of the same delivery has another one
     */
    record Claim(WebhookDelivery delivery, String token) {
        public Claim {
            Objects.requireNonNull(delivery, "delivery must not be null");
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
        }
    }
}
