package dev.contentservice.adapter.imagegen.http;

/**
 * What the generator's resilience is doing right now, for readiness detail and metrics.
 *
 * @param generator who draws, for example {@code openai:gpt-image-1}
 * @param breaker {@code closed}, {@code open} or {@code half-open}
 * @param inFlight provider calls in flight
 * @param waitingForSlot calls waiting for a free place under {@code CONTENT_IMAGEGEN_MAX_CONCURRENCY}
 * @param waitingForBudget calls waiting for their slot of the shared rate budget
 * @param calls style calls finished (after their retries)
 * @param failedCalls of those, the ones the breaker counted as provider failures
 * @param fastFailures calls refused at once because the circuit was open
 * @param freshConnectionRetries requests repeated on a fresh connection after a reused one had died
 * @param budgetWaitMillis the total time calls spent waiting for the rate budget
 */
public record ProviderState(
        String generator,
        String breaker,
        int inFlight,
        int waitingForSlot,
        int waitingForBudget,
        long calls,
        long failedCalls,
        long fastFailures,
        long freshConnectionRetries,
        long budgetWaitMillis) {}
