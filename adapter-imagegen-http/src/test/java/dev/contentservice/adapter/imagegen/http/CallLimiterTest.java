package dev.contentservice.adapter.imagegen.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CallLimiterTest {

    @Test
    void callers_beyond_the_capacity_wait_without_a_thread_until_a_permit_is_released() {
        CallLimiter limiter = new CallLimiter(1);
        CompletableFuture<CallLimiter.Permit> first = limiter.acquire();

        CompletableFuture<CallLimiter.Permit> second = limiter.acquire();

        assertThat(first).isCompleted();
        assertThat(second).isNotDone();
        assertThat(limiter.waiting()).isEqualTo(1);
        first.join().release();
        assertThat(second).isCompleted();
        assertThat(limiter.inFlight()).isEqualTo(1);
    }

    @Test
    void a_cancelled_waiter_leaves_the_line_and_its_turn_goes_to_the_next() {
        CallLimiter limiter = new CallLimiter(1);
        CompletableFuture<CallLimiter.Permit> first = limiter.acquire();
        CompletableFuture<CallLimiter.Permit> cancelled = limiter.acquire();
        CompletableFuture<CallLimiter.Permit> third = limiter.acquire();

        cancelled.cancel(false);
        first.join().release();

        assertThat(limiter.waiting()).isZero();
        assertThat(third).isCompleted();
        third.join().release();
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void releasing_a_permit_twice_gives_back_only_one_slot() {
        CallLimiter limiter = new CallLimiter(2);
        CallLimiter.Permit permit = limiter.acquire().join();

        permit.release();
        permit.release();

        assertThat(limiter.inFlight()).isZero();
        limiter.acquire();
        limiter.acquire();
        assertThat(limiter.acquire()).isNotDone();
    }
}
