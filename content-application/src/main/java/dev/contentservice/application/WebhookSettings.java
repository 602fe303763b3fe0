package dev.contentservice.application;

import dev.contentservice.domain.WebhookAddressPolicy;
import dev.contentservice.domain.WebhookSigner;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How webhooks are delivered.
 *
 * @param signer signs every attempt; empty = webhooks are not offered (a request naming one is refused)
 * @param addresses which hosts a webhook may reach, at request time (deliveries check again)
 * @param lease how long a claimed delivery is held before another instance may take it; longer than an
 *     attempt's timeout
 * @param firstBackoff the wait after the first failed attempt; it doubles per attempt, with jitter
 * @param maxBackoff the longest wait between two attempts
 * @param retryWindow attempts go on at least this long after the first one
 * @param maxAttempts at most this many attempts per job
 * @param maxInFlight attempts in flight at once for this instance
 * @param pollEvery how often the outbox is looked at for due deliveries
 * @param recheckEvery how long a delivery whose job is still running waits before the next look
 * @param jitter a number in [0, 1) per backoff (random by default; fixed in tests)
 */
public record WebhookSettings(
        Optional<WebhookSigner> signer,
        WebhookAddressPolicy addresses,
        Duration lease,
        Duration firstBackoff,
        Duration maxBackoff,
        Duration retryWindow,
        int maxAttempts,
        int maxInFlight,
        Duration pollEvery,
        Duration recheckEvery,
        DoubleSupplier jitter) {

    public WebhookSettings {
        Objects.requireNonNull(signer, "signer must not be null (use Optional.empty())");
        Objects.requireNonNull(addresses, "addresses must not be null");
        requirePositive("lease", lease);
        requirePositive("firstBackoff", firstBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("retryWindow", retryWindow);
        requirePositive("pollEvery", pollEvery);
        requirePositive("recheckEvery", recheckEvery);
        Objects.requireNonNull(jitter, "jitter must not be null");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, was " + maxInFlight);
        }
    }

    /**
     * Backoff from 5 s doubling to 30 min, attempts for at least 2 hours (at most 20), a 30 s lease.
     * With -20 % jitter on every wait, 20 attempts still span more than 2 hours.
     */
    public static WebhookSettings defaults(Optional<WebhookSigner> signer, WebhookAddressPolicy addresses) {
        return new WebhookSettings(
                signer,
                addresses,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofMinutes(30),
                Duration.ofHours(2),
                20,
                64,
                Duration.ofMillis(500),
                Duration.ofSeconds(15),
                Math::random);
    }

    public WebhookSettings withLease(Duration value) {
        return new WebhookSettings(
                signer,
                addresses,
                value,
                firstBackoff,
                maxBackoff,
                retryWindow,
                maxAttempts,
                maxInFlight,
                pollEvery,
                recheckEvery,
                jitter);
    }

    public WebhookSettings withBackoff(Duration first, Duration max) {
        return new WebhookSettings(
                signer,
                addresses,
                lease,
                first,
                max,
                retryWindow,
                maxAttempts,
                maxInFlight,
                pollEvery,
                recheckEvery,
                jitter);
    }

    public WebhookSettings withPollEvery(Duration value) {
        return new WebhookSettings(
                signer,
                addresses,
                lease,
                firstBackoff,
                maxBackoff,
                retryWindow,
                maxAttempts,
                maxInFlight,
                value,
                recheckEvery,
                jitter);
    }

    public WebhookSettings withJitter(DoubleSupplier value) {
        return new WebhookSettings(
                signer,
                addresses,
                lease,
                firstBackoff,
                maxBackoff,
                retryWindow,
                maxAttempts,
                maxInFlight,
                pollEvery,
                recheckEvery,
                value);
    }

    /** The wait after the {@code failedAttempts}-th failed attempt: doubling, capped, ±20 % jitter. */
    public Duration backoff(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long base = Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << Math.min(doublings, 20));
        double factor = 0.8 + 0.4 * Math.min(Math.max(jitter.getAsDouble(), 0.0), 0.999_999);
        return Duration.ofMillis(Math.max(1, Math.round(base * factor)));
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
