package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.application.ImageGenerationWorker;
import dev.contentservice.application.JobMetrics;
import dev.contentservice.application.WorkerSettings;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobQueue.Claim;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** The real background worker on the Redis adapters, with a generator that draws instantly. */
class WorkerOnRedisTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration LEASE = Duration.ofMillis(500);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    private static final ImageGenerator INSTANT =
            request -> CompletableFuture.completedFuture(new GeneratedImage(PNG, "image/png", "fake"));

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private RedisBackend instance() {
        return instance(LEASE);
    }

    private RedisBackend instance(Duration lease) {
        RedisBackend backend = RedisBackend.open(REDIS.settings().withLease(lease));
        opened.add(backend);
        return backend;
    }

    private static WorkerSettings settings() {
        return WorkerSettings.defaults()
                .withClaimTimeout(Duration.ofMillis(200))
                .withRenewEvery(Duration.ofMillis(100))
                .withJobDeadline(Duration.ofSeconds(10));
    }

    private ImageGenerationWorker worker(RedisBackend backend) {
        return worker(backend, INSTANT, settings());
    }

    private ImageGenerationWorker worker(RedisBackend backend, ImageGenerator generator, WorkerSettings settings) {
        ImageGenerationWorker worker = new ImageGenerationWorker(
                backend.jobQueue(),
                backend.jobRepository(),
                generator,
                backend.imageStore(),
                name -> "http://localhost/api/content/images/files/" + name,
                Clock.systemUTC(),
                JobMetrics.NONE,
                settings);
        opened.add(worker);
        worker.start();
        return worker;
    }

    @Test
    void a_submitted_job_is_completed_with_its_images_stored_in_redis() {
        RedisBackend backend = instance();
        worker(backend);

        Job job = backend.jobRepository().submit(Fixtures.newJob());

        assertThat(Fixtures.eventually(Duration.ofSeconds(10), () -> status(backend, job) == JobStatus.COMPLETED))
                .isTrue();
        ImageSet images = backend.imageSetRepository().find(job.eventDraftId()).orElseThrow();
        String simple = images.url(ImageStyle.SIMPLE);
        assertThat(simple).endsWith(job.id() + "-simple.png");
        assertThat(backend.imageSetRepository().latest(job.eventDraftId()))
                .as("the draft's latest images name the job that made them")
                .hasValueSatisfying(latest -> assertThat(latest.jobId()).isEqualTo(job.id()));
        try (RedisClient inspect = RedisClient.create(REDIS.url())) {
            assertThat(inspect.hget("job:" + job.id(), "generator")).isEqualTo("fake");
            assertThat(inspect.exists("content:inflight:" + job.eventDraftId().value()))
                    .isFalse();
            assertThat(inspect.xlen("content:queue")).isZero();
        }
    }

    @Test
    void a_job_held_by_a_worker_that_died_is_finished_by_another_after_the_lease() throws Exception {
        RedisBackend dead = instance();
        RedisBackend alive = instance();
        Job job = dead.jobRepository().submit(Fixtures.newJob());
        Claim abandoned = dead.jobQueue().claim(Duration.ofSeconds(5)).orElseThrow();
        dead.jobRepository().update(job.start(Fixtures.CLOCK)); // it had started, then died

        worker(alive);

        assertThat(Fixtures.eventually(Duration.ofSeconds(10), () -> status(alive, job) == JobStatus.COMPLETED))
                .isTrue();
        assertThat(abandoned.jobId()).isEqualTo(job.id());
        try (RedisClient inspect = RedisClient.create(REDIS.url())) {
            assertThat(inspect.hget("job:" + job.id(), "attempts")).isEqualTo("2");
        }
        assertThat(alive.imageSetRepository().find(job.eventDraftId())).isPresent();
    }

    @Test
    void a_job_that_keeps_killing_its_workers_fails_as_poisoned() throws Exception {
        RedisBackend dead = instance();
        RedisBackend alive = instance();
        Job job = dead.jobRepository().submit(Fixtures.newJob());
        dead.jobQueue().claim(Duration.ofSeconds(5)).orElseThrow();

        worker(alive, INSTANT, settings().withMaxAttempts(1));

        assertThat(Fixtures.eventually(Duration.ofSeconds(10), () -> status(alive, job) == JobStatus.FAILED))
                .isTrue();
        assertThat(alive.jobRepository()
                        .find(job.id())
                        .orElseThrow()
                        .failure()
                        .orElseThrow()
                        .code())
                .isEqualTo(JobFailure.POISONED);
    }

    @Test
    void a_worker_shutting_down_hands_its_job_over_at_once_without_waiting_for_the_lease() {
        RedisBackend leaving = instance(Duration.ofMinutes(5));
        RedisBackend staying = instance(Duration.ofMinutes(5));
        ImageGenerator never = request -> new CompletableFuture<>();
        ImageGenerationWorker stopping = worker(leaving, never, settings());
        Job job = leaving.jobRepository().submit(Fixtures.newJob());
        assertThat(Fixtures.eventually(Duration.ofSeconds(5), () -> stopping.inFlight() == 1))
                .isTrue();

        stopping.close();
        worker(staying);

        assertThat(Fixtures.eventually(Duration.ofSeconds(10), () -> status(staying, job) == JobStatus.COMPLETED))
                .isTrue();
        try (RedisClient inspect = RedisClient.create(REDIS.url())) {
            assertThat(inspect.hget("job:" + job.id(), "attempts"))
                    .as("a release is not an attempt")
                    .isEqualTo("1");
        }
    }

    private static JobStatus status(RedisBackend backend, Job job) {
        return backend.jobRepository().find(job.id()).map(Job::status).orElseThrow();
    }
}
