package dev.contentservice.domain;

import java.time.Duration;

/**
 * What an image provider adapter reports about its calls, for metrics: each attempt's outcome and latency,
 * and each retry. Bootstrap records it; adapters call
 * it and know no metrics library. Implementations are fast and never throw.
 */
public interface ProviderCallMetrics {
    /** Records nothing. */
    ProviderCallMetrics NONE = new ProviderCallMetrics() {};

    /** How one call (one attempt) to the provider ended. */
    enum Outcome {
        /** An image came back. */
        SUCCESS,
        /** The provider refused the request (4xx other than 429): not retried. */
        REJECTED,
        /** Unreachable, 429 or 5xx. */
        UNAVAILABLE,
        /** No answer in time. */
        TIMEOUT,
        /** An answer that holds no usable image. */
        BAD_RESPONSE,
        /** Failed fast by the open circuit breaker, without a call. */
        SHORT_CIRCUITED
    }

    /** One attempt ended; {@code latency} from sending the request to the last byte (zero if none was sent). */
    default void callFinished(Outcome outcome, Duration latency) {}

    /** A failed attempt will be retried (after its backoff). */
    default void retryScheduled(Outcome after) {}
}
