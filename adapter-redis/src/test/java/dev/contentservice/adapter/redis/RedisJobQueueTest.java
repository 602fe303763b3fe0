package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobQueue.Claim;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** The stream queue's Redis-specific behaviour: attempts on the job hash, several instances, recovery. */
class RedisJobQueueTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration LEASE = Duration.ofMillis(500);
    private static final Duration PATIENT = Duration.ofSeconds(5);

    private final List<RedisBackend> instances = new ArrayList<>();
    private RedisClient inspect;

    @BeforeEach
    void open() {
        inspect = RedisClient.create(REDIS.url());
    }

    @AfterEach
    void close() {
        instances.forEach(RedisBackend::close);
        inspect.close();
    }

    private RedisBackend instance(Duration lease) {
        RedisBackend backend = RedisBackend.open(REDIS.settings().withLease(lease));
        instances.add(backend);
        return backend;
    }

    @Test
    void a_lease_taken_over_by_another_instance_is_reported_lost_and_not_taken_back() throws Exception {
        RedisBackend slow = instance(LEASE);
        RedisBackend other = instance(LEASE);
        slow.jobRepository().submit(Fixtures.newJob());
        Claim held = slow.jobQueue().claim(PATIENT).orElseThrow();

        Claim taken = other.jobQueue().claim(PATIENT).orElseThrow(); // after the lease, unrenewed
        Set<Claim> lost = slow.jobQueue().renew(List.of(held));

        assertThat(taken.jobId()).isEqualTo(held.jobId());
        assertThat(lost).containsExactly(held);
        assertThat(other.jobQueue().renew(List.of(taken))).isEmpty();
    }

    @Test
    void an_abandoned_claim_is_taken_over_by_another_instance_with_attempt_two() throws Exception {
        RedisBackend dying = instance(LEASE);
        RedisBackend survivor = instance(LEASE);
        Job job = dying.jobRepository().submit(Fixtures.newJob());
        Claim abandoned = dying.jobQueue().claim(PATIENT).orElseThrow();

        Claim taken = survivor.jobQueue().claim(PATIENT).orElseThrow();

        assertThat(taken.jobId()).isEqualTo(job.id());
        assertThat(abandoned.attempt()).isEqualTo(1);
        assertThat(taken.attempt()).isEqualTo(2);
        assertThat(inspect.hget("job:" + job.id(), "attempts")).isEqualTo("2");
    }

    @Test
    void release_gives_back_the_attempt_on_the_job_hash() throws Exception {
        RedisBackend backend = instance(Duration.ofMinutes(1));
        Job job = backend.jobRepository().submit(Fixtures.newJob());
        Claim claim = backend.jobQueue().claim(PATIENT).orElseThrow();
        assertThat(inspect.hget("job:" + job.id(), "attempts")).isEqualTo("1");

        backend.jobQueue().release(claim);

        assertThat(inspect.hget("job:" + job.id(), "attempts")).isEqualTo("0");
        assertThat(inspect.xlen("content:queue")).isEqualTo(1);
    }

    @Test
    void a_released_job_is_claimed_at_once_by_another_instance() throws Exception {
        RedisBackend leaving = instance(Duration.ofMinutes(1));
        RedisBackend other = instance(Duration.ofMinutes(1));
        Job job = leaving.jobRepository().submit(Fixtures.newJob());
        Claim held = leaving.jobQueue().claim(PATIENT).orElseThrow();
        CompletableFuture<Optional<Claim>> waiting = CompletableFuture.supplyAsync(() -> claim(other, PATIENT));
        Thread.sleep(100);

        leaving.jobQueue().release(held);
        Optional<Claim> taken = waiting.get(30, TimeUnit.SECONDS);

        assertThat(taken).map(Claim::jobId).contains(job.id());
        // attempt 1: handed over by the release, not reclaimed after the one-minute lease (that would be 2)
        assertThat(taken.get().attempt()).isEqualTo(1);
    }

    @Test
    void a_worker_whose_claim_was_taken_over_cannot_renew_or_release_it() throws Exception {
        RedisBackend slow = instance(LEASE);
        RedisBackend other = instance(LEASE);
        Job job = slow.jobRepository().submit(Fixtures.newJob());
        Claim stale = slow.jobQueue().claim(PATIENT).orElseThrow();
        Claim current = other.jobQueue().claim(PATIENT).orElseThrow();

        slow.jobQueue().renew(stale);
        slow.jobQueue().release(stale);

        assertThat(current.jobId()).isEqualTo(job.id());
        assertThat(inspect.xlen("content:queue")).as("not added again").isEqualTo(1);
        assertThat(inspect.hget("job:" + job.id(), "attempts")).isEqualTo("2");
        assertThat(other.jobQueue().claim(Duration.ofMillis(200)))
                .as("still held by other")
                .isEmpty();
    }

    @Test
    void two_instances_share_the_jobs_without_handing_one_out_twice() throws Exception {
        RedisBackend a = instance(Duration.ofMinutes(1));
        RedisBackend b = instance(Duration.ofMinutes(1));
        List<JobId> submitted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            submitted.add(a.jobRepository().submit(Fixtures.newJob()).id());
        }

        CompletableFuture<List<JobId>> byA = CompletableFuture.supplyAsync(() -> drain(a));
        CompletableFuture<List<JobId>> byB = CompletableFuture.supplyAsync(() -> drain(b));
        List<JobId> all = new ArrayList<>(byA.get(20, TimeUnit.SECONDS));
        all.addAll(byB.get(20, TimeUnit.SECONDS));

        assertThat(all).containsExactlyInAnyOrderElementsOf(submitted);
        assertThat(inspect.xlen("content:queue")).isZero();
    }

    @Test
    void entries_of_expired_jobs_are_skipped_and_deleted() throws Exception {
        RedisBackend backend = instance(Duration.ofMinutes(1));
        Job gone = backend.jobRepository().submit(Fixtures.newJob());
        Job alive = backend.jobRepository().submit(Fixtures.newJob());
        inspect.del("job:" + gone.id());

        Claim claim = backend.jobQueue().claim(PATIENT).orElseThrow();

        assertThat(claim.jobId()).isEqualTo(alive.id());
        assertThat(inspect.xlen("content:queue")).isEqualTo(1);
    }

    @Test
    void the_queue_is_made_again_when_it_expired_and_a_waiting_claim_still_blocks() throws Exception {
        RedisBackend backend = instance(Duration.ofMinutes(1));
        inspect.del("content:queue");

        assertThat(backend.jobQueue().claim(Duration.ofMillis(300))).isEmpty();
        assertThat(inspect.exists("content:queue")).isTrue();
        assertThat(inspect.pttl("content:queue")).isPositive();

        Job job = backend.jobRepository().submit(Fixtures.newJob());
        assertThat(backend.jobQueue().claim(PATIENT)).map(Claim::jobId).contains(job.id());
    }

    @Test
    void a_blocked_claim_waits_on_the_server_instead_of_polling() throws Exception {
        RedisBackend backend = instance(Duration.ofMinutes(1));
        backend.jobQueue().claim(Duration.ofMillis(50)); // makes the queue
        long before = commandsProcessed();

        backend.jobQueue().claim(Duration.ofMillis(1500));

        // one script and one blocking read per wake-up (at most one per lease or 5 s), not a loop
        assertThat(commandsProcessed() - before).isLessThan(20);
    }

    @Test
    void close_removes_the_consumer_from_the_group_when_it_holds_nothing() throws Exception {
        RedisBackend backend = RedisBackend.open(REDIS.settings(), "leaving-consumer");
        backend.jobRepository().submit(Fixtures.newJob());
        backend.jobQueue().complete(backend.jobQueue().claim(PATIENT).orElseThrow());
        assertThat(consumers()).contains("leaving-consumer");

        backend.close();

        assertThat(consumers()).doesNotContain("leaving-consumer");
    }

    private List<String> consumers() {
        return inspect.xinfoConsumers2("content:queue", "content-workers").stream()
                .map(info -> info.getName())
                .toList();
    }

    private long commandsProcessed() {
        String info = inspect.info("stats");
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("total_commands_processed:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        throw new IllegalStateException("no total_commands_processed in INFO");
    }

    private static List<JobId> drain(RedisBackend backend) {
        List<JobId> claimed = new ArrayList<>();
        Optional<Claim> claim;
        while ((claim = claim(backend, Duration.ofMillis(300))).isPresent()) {
            claimed.add(claim.get().jobId());
            backend.jobQueue().complete(claim.get());
        }
        return claimed;
    }

    private static Optional<Claim> claim(RedisBackend backend, Duration timeout) {
        try {
            return backend.jobQueue().claim(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
