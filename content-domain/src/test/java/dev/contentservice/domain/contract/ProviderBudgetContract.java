package dev.contentservice.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.ProviderBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProviderBudget} must do. Extend it and return budgets over one fresh shared store: two
 * budgets from one {@link #createBudgets} call stand for two instances of the service and must share the slots
 * and the pauses. The waits checked are the values the budget computes, with a tolerance for the few
 * milliseconds that pass between two calls, never measured sleeps.
 */
public abstract class ProviderBudgetContract {
    /** Two handles on one fresh budget of {@code perMinute} calls a minute (empty = no limit). */
    protected abstract Pair createBudgets(Optional<Integer> perMinute);

    /** Two instances' view of the same budget. */
    public record Pair(ProviderBudget first, ProviderBudget second) {}

    private static final Duration TOLERANCE = Duration.ofMillis(1_500);
    private static final Duration LONG = Duration.ofMinutes(5);

    private static Duration reserve(ProviderBudget budget, Duration maxWait) throws Exception {
        Optional<Duration> wait = budget.reserve(maxWait).get(10, TimeUnit.SECONDS);
        assertThat(wait).as("a slot within " + maxWait).isPresent();
        return wait.orElseThrow();
    }

    @Test
    void the_first_call_goes_at_once() throws Exception {
        Pair budget = createBudgets(Optional.of(6));

        assertThat(reserve(budget.first(), LONG)).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void slots_are_spread_evenly_across_both_instances() throws Exception {
        // 6 a minute: one slot every 10 s
        Pair budget = createBudgets(Optional.of(6));

        Duration first = reserve(budget.first(), LONG);
        Duration second = reserve(budget.second(), LONG);
        Duration third = reserve(budget.first(), LONG);

        assertThat(first).isLessThanOrEqualTo(TOLERANCE);
        assertThat(second).isBetween(Duration.ofSeconds(10).minus(TOLERANCE), Duration.ofSeconds(10));
        assertThat(third).isBetween(Duration.ofSeconds(20).minus(TOLERANCE), Duration.ofSeconds(20));
    }

    @Test
    void a_slot_beyond_the_callers_patience_is_refused_and_not_taken() throws Exception {
        Pair budget = createBudgets(Optional.of(6));
        reserve(budget.first(), LONG);

        Optional<Duration> refused =
                budget.second().reserve(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
        Duration next = reserve(budget.second(), LONG);

        assertThat(refused).isEmpty();
        assertThat(next).as("the refused slot is still free").isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(next).isGreaterThan(Duration.ofSeconds(10).minus(TOLERANCE));
    }

    @Test
    void a_pause_seen_by_one_instance_holds_both_until_it_ends() throws Exception {
        Pair budget = createBudgets(Optional.of(600));
        budget.first().pauseUntil(Instant.now().plusSeconds(4)).get(10, TimeUnit.SECONDS);

        Duration wait = reserve(budget.second(), LONG);
        Duration left = budget.second().pauseLeft().get(10, TimeUnit.SECONDS);

        assertThat(wait).isBetween(Duration.ofSeconds(4).minus(TOLERANCE), Duration.ofSeconds(4));
        assertThat(left).isBetween(Duration.ofSeconds(4).minus(TOLERANCE), Duration.ofSeconds(4));
    }

    @Test
    void without_a_pause_none_is_left() throws Exception {
        Pair budget = createBudgets(Optional.of(6));

        assertThat(budget.first().pauseLeft().get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void an_earlier_pause_never_shortens_a_later_one() throws Exception {
        Pair budget = createBudgets(Optional.of(600));
        budget.first().pauseUntil(Instant.now().plusSeconds(8)).get(10, TimeUnit.SECONDS);
        budget.second().pauseUntil(Instant.now().plusSeconds(1)).get(10, TimeUnit.SECONDS);

        assertThat(reserve(budget.first(), LONG))
                .isGreaterThan(Duration.ofSeconds(8).minus(TOLERANCE));
    }

    @Test
    void without_a_rate_calls_go_at_once_but_a_pause_still_holds() throws Exception {
        Pair budget = createBudgets(Optional.empty());
        for (int i = 0; i < 20; i++) {
            assertThat(reserve(i % 2 == 0 ? budget.first() : budget.second(), LONG))
                    .isLessThanOrEqualTo(TOLERANCE);
        }

        budget.second().pauseUntil(Instant.now().plusSeconds(3)).get(10, TimeUnit.SECONDS);

        assertThat(reserve(budget.second(), LONG))
                .as("the instance that saw the 429 holds at once")
                .isGreaterThan(Duration.ofSeconds(3).minus(TOLERANCE));
    }

    @Test
    void without_a_rate_a_pause_reaches_the_other_instance_soon() throws Exception {
        Pair budget = createBudgets(Optional.empty());
        assertThat(reserve(budget.first(), LONG)).isLessThanOrEqualTo(TOLERANCE);

        budget.second().pauseUntil(Instant.now().plusSeconds(60)).get(10, TimeUnit.SECONDS);

        // without a rate a call need not ask the shared store: the port promises the pause within a second, the
        // test polls for longer (no wall-clock bound) and checks that what arrives is this pause, not a guess
        assertThat(Fixtures.eventually(Duration.ofSeconds(10), () -> {
                    try {
                        return reserve(budget.first(), LONG).compareTo(Duration.ofSeconds(50)) > 0;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .as("the other instance's calls wait for the pause")
                .isTrue();
    }
}
