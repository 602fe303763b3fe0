package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

/** Redis-specific behaviour of the job change notices: the channel, one connection, recovery after an outage. */
class RedisJobChangesTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration PATIENT = Duration.ofSeconds(10);

    private RedisBackend backend;
    private final Set<JobId> seen = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void open() {
        REDIS.start();
        backend = RedisBackend.open(REDIS.settings().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)));
    }

    @AfterEach
    void close() {
        backend.close();
        REDIS.start();
    }

    @Test
    void a_write_by_another_service_publishing_on_the_documented_channel_is_noticed() {
        backend.jobChanges().subscribe(seen::add);
        JobId id = JobId.random();

        try (RedisClient other = RedisClient.create(REDIS.url())) {
            other.publish("content:job-changes", id.toString());
        }

        assertThat(Fixtures.eventually(PATIENT, () -> seen.contains(id))).isTrue();
    }

    @Test
    void every_subscription_of_one_backend_shares_one_connection() {
        for (int i = 0; i < 5; i++) {
            backend.jobChanges().subscribe(seen::add);
        }

        try (Jedis admin = new Jedis("127.0.0.1", REDIS.port())) {
            List<String> clients = List.of(admin.clientList().split("\n"));

            assertThat(clients.stream().filter(line -> line.contains("name=content-service-changes")))
                    .hasSize(1);
        }
    }

    @Test
    void notices_resume_after_redis_restarts() {
        backend.jobChanges().subscribe(seen::add);
        REDIS.stop();

        REDIS.start();

        // the subscriber reconnects by itself; writes from then on are noticed again
        assertThat(Fixtures.eventually(PATIENT, () -> {
                    Job job = submitQuietly();
                    return job != null && Fixtures.eventually(Duration.ofMillis(300), () -> seen.contains(job.id()));
                }))
                .isTrue();
    }

    @Test
    void close_ends_the_subscriber_connection() {
        backend.jobChanges().subscribe(seen::add);

        backend.close();

        try (Jedis admin = new Jedis("127.0.0.1", REDIS.port())) {
            assertThat(Fixtures.eventually(PATIENT, () -> !admin.clientList().contains("name=content-service-changes")))
                    .isTrue();
        }
        backend = RedisBackend.open(REDIS.settings()); // for @AfterEach
    }

    @Test
    void subscribing_while_redis_is_down_returns_after_a_bounded_wait_and_notices_once_it_is_back() throws Exception {
        REDIS.stop();

        // returns (a bounded wait, not a hang) while Redis is down; 30 s is generous on a loaded machine
        JobChanges.Subscription subscription = CompletableFuture.supplyAsync(
                        () -> backend.jobChanges().subscribe(seen::add))
                .get(30, TimeUnit.SECONDS);

        REDIS.start();
        assertThat(Fixtures.eventually(PATIENT, () -> {
                    Job job = submitQuietly();
                    return job != null && Fixtures.eventually(Duration.ofMillis(300), () -> seen.contains(job.id()));
                }))
                .isTrue();
        subscription.close();
    }

    private Job submitQuietly() {
        try {
            return backend.jobRepository().submit(Fixtures.newJob());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
