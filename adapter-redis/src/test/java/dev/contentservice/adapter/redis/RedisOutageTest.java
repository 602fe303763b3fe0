package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobQueue.Claim;
import dev.contentservice.domain.StoreUnavailableException;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis stops and comes back: the adapters answer StoreUnavailableException quickly, then recover by themselves. */
class RedisOutageTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    /** Far above the 500 ms timeouts below, far below anything a client would call a hang. */
    private static final Duration BOUND = Duration.ofSeconds(3);

    private RedisBackend backend;

    @BeforeEach
    void open() {
        REDIS.start();
        backend = RedisBackend.open(REDIS.settings()
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500))
                .withLease(Duration.ofSeconds(1)));
    }

    @AfterEach
    void close() {
        backend.close();
        REDIS.start();
    }

    @Test
    void every_port_answers_store_unavailable_within_bounded_time_while_redis_is_down() {
        Job job = backend.jobRepository().submit(Fixtures.newJob());
        REDIS.stop();

        assertUnavailableQuickly(() -> backend.jobRepository().find(job.id()));
        assertUnavailableQuickly(() -> backend.jobRepository().submit(Fixtures.newJob()));
        assertUnavailableQuickly(() -> backend.jobRepository().update(job.start(Fixtures.CLOCK)));
        assertUnavailableQuickly(() -> backend.recommendationSource().find(job.eventDraftId()));
        assertUnavailableQuickly(() -> backend.imageSetRepository().find(job.eventDraftId()));
        assertUnavailableQuickly(() -> claim(Duration.ofSeconds(1)));
    }

    @Test
    void ping_answers_false_quickly_while_redis_is_down_and_true_when_it_is_back() {
        assertThat(backend.ping()).isTrue();
        REDIS.stop();

        long start = System.nanoTime();
        boolean down = backend.ping();

        assertThat(down).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        REDIS.start();
        assertThat(backend.ping()).isTrue();
    }

    @Test
    void the_same_adapter_works_again_after_redis_restarts() {
        // warm the pool: several idle connections that the restart will break
        for (int i = 0; i < 5; i++) {
            backend.jobRepository().submit(Fixtures.newJob());
        }
        REDIS.stop();
        assertUnavailableQuickly(
                () -> backend.jobRepository().find(Fixtures.newJob().id()));

        REDIS.start();

        Job job = backend.jobRepository().submit(Fixtures.newJob());
        assertThat(backend.jobRepository().find(job.id())).contains(job);
        Optional<Claim> claim = claim(Duration.ofSeconds(2));
        assertThat(claim).map(Claim::jobId).contains(job.id());
    }

    @Test
    void reads_succeed_on_the_first_call_after_a_restart_despite_stale_pooled_connections() {
        for (int i = 0; i < 5; i++) {
            backend.jobRepository().find(Fixtures.newJob().id());
        }
        REDIS.stop();
        REDIS.start();

        assertThat(backend.jobRepository().find(Fixtures.newJob().id())).isEmpty();
    }

    private Optional<Claim> claim(Duration timeout) {
        try {
            return backend.jobQueue().claim(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertUnavailableQuickly(Runnable call) {
        long start = System.nanoTime();

        assertThatThrownBy(call::run).isInstanceOf(StoreUnavailableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }
}
