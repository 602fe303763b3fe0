package dev.contentservice.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The rate budget of calls to an image provider, shared by every instance that uses the same budget (one Redis,
 * or one process in memory mode). A caller reserves a slot and is told how long to wait before it may call; it
 * waits by scheduling, never by holding a thread. Slots are spread evenly (no bursts), and a provider's
 * {@code 429 Retry-After} pauses every holder of the budget until then: the holder that saw it at once, the
 * others within a second. (Without a rate a holder need not ask a shared store on every call: there is no slot to
 * share, and a pause seen a little late costs at most a few calls that the provider answers with 429 again.)
 */
public interface ProviderBudget {
    /**
     * Reserves the next free slot.
     *
     * @param maxWait the longest wait the caller accepts (its deadline)
     * @return how long to wait before calling, from now; empty when the slot would come later than {@code maxWait}
     *     (then nothing is reserved)
     */
    CompletableFuture<Optional<Duration>> reserve(Duration maxWait);

    /** No slot is given before {@code until} (a 429's {@code Retry-After}); an earlier pause is never shortened. */
    CompletableFuture<Void> pauseUntil(Instant until);

    /**
     * How much of a pause is left now (zero when none). A caller that waited for its reserved slot checks this
     * just before calling, so that a 429 seen meanwhile by any instance holds it too.
     */
    CompletableFuture<Duration> pauseLeft();

    /** A budget without limit: every slot is free at once, pauses are ignored. */
    static ProviderBudget unlimited() {
        return new ProviderBudget() {
            @Override
            public CompletableFuture<Optional<Duration>> reserve(Duration maxWait) {
                return CompletableFuture.completedFuture(Optional.of(Duration.ZERO));
            }

            @Override
            public CompletableFuture<Void> pauseUntil(Instant until) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Duration> pauseLeft() {
                return CompletableFuture.completedFuture(Duration.ZERO);
            }

            @Override
            public String toString() {
                return "ProviderBudget[unlimited]";
            }
        };
    }
}
