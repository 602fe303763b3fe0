package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.adapter.memory.InMemoryImageSets;
import dev.contentservice.adapter.memory.InMemoryImageStore;
import dev.contentservice.adapter.memory.InMemoryJobStore;
import dev.contentservice.domain.ClaimedJob;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.JobQueue.Claim;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.StoreUnavailableException;
import dev.contentservice.domain.contract.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImageGenerationWorkerTest {
    private static final Duration PATIENT = Duration.ofSeconds(10);
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String BASE = "http://test/files/";

    private final InMemoryImageSets imageSets = new InMemoryImageSets(CLOCK);
    private final InMemoryJobStore store = new InMemoryJobStore(CLOCK, Duration.ofMillis(400), imageSets);
    private final InMemoryImageStore images = new InMemoryImageStore(CLOCK);
    private final List<ImageGenerationWorker> workers = new ArrayList<>();

    private WorkerSettings settings =
            WorkerSettings.defaults().withClaimTimeout(Duration.ofMillis(100)).withRenewEvery(Duration.ofMillis(100));

    @AfterEach
    void stopWorkers() {
        workers.forEach(ImageGenerationWorker::close);
    }

    private ImageGenerationWorker worker(ImageGenerator generator) {
        return worker(generator, store);
    }

    private ImageGenerationWorker worker(ImageGenerator generator, JobQueue queue) {
        ImageGenerationWorker worker = new ImageGenerationWorker(
                queue, store, generator, images, name -> BASE + name, CLOCK, JobMetrics.NONE, settings);
        workers.add(worker);
        worker.start();
        return worker;
    }

    private static GeneratedImage png(String text, String generator) {
        byte[] bytes = ("\u0089PNG" + text).getBytes(StandardCharsets.ISO_8859_1);
        return new GeneratedImage(bytes, "image/png", generator);
    }

    private static final ImageGenerator INSTANT = request -> CompletableFuture.completedFuture(
            png(request.jobId() + "/" + request.style().key(), "fake"));

    private Job submit() {
        return store.submit(Fixtures.newJob());
    }

    private Job awaitTerminal(JobId id) {
        assertThat(Fixtures.eventually(
                        PATIENT,
                        () -> store.find(id)
                                .map(job -> job.status().isTerminal())
                                .orElse(false)))
                .as("job %s reaches a terminal state", id)
                .isTrue();
        return store.find(id).orElseThrow();
    }

    @Test
    void worker_completes_a_job_with_three_hosted_images() {
        worker(INSTANT);
        Job job = submit();

        Job done = awaitTerminal(job.id());

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.generator()).contains("fake");
        ImageSet set = imageSets.find(job.eventDraftId()).orElseThrow();
        assertThat(imageSets.latest(job.eventDraftId()).orElseThrow().jobId())
                .as("the draft's latest images name their job")
                .isEqualTo(job.id());
        for (ImageStyle style : ImageStyle.values()) {
            ImageFileName name =
                    ImageFileName.parse(set.url(style).substring(BASE.length())).orElseThrow();
            byte[] hosted = images.get(name).orElseThrow().bytes();
            assertThat(new String(hosted, StandardCharsets.ISO_8859_1)).endsWith(job.id() + "/" + style.key());
        }
    }

    @Test
    void the_three_styles_are_drawn_in_parallel() {
        CountDownLatch allThreeAsked = new CountDownLatch(3);
        worker(request -> {
            allThreeAsked.countDown();
            return CompletableFuture.supplyAsync(() -> {
                try {
                    // each style waits until all three were requested: only parallel requests can finish
                    if (!allThreeAsked.await(5, TimeUnit.SECONDS)) {
                        throw new ImageGenerationException(ImageGenerationException.INTERNAL, "not parallel");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return png(request.style().key(), "fake");
            });
        });

        Job done = awaitTerminal(submit().id());

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void a_failing_style_fails_the_job_at_once_with_its_code() {
        worker(request -> request.style() == ImageStyle.FANCY
                ? CompletableFuture.failedFuture(
                        new ImageGenerationException(ImageGenerationException.REJECTED, "content policy"))
                : new CompletableFuture<>()); // the other styles never answer

        Job failed = awaitTerminal(submit().id());

        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.failure()).contains(JobFailure.of("IMAGEGEN_REJECTED", "content policy"));
    }

    @Test
    void a_generator_that_throws_instead_of_failing_its_future_still_fails_the_job() {
        worker(request -> {
            throw new IllegalStateException("bug in a generator");
        });

        Job failed = awaitTerminal(submit().id());

        assertThat(failed.failure().orElseThrow().code()).isEqualTo(JobFailure.INTERNAL);
        assertThat(failed.failure().orElseThrow().detail()).doesNotContain("bug in a generator");
    }

    @Test
    void a_job_that_outlives_its_deadline_fails_with_imagegen_timeout() {
        settings = settings.withJobDeadline(Duration.ofMillis(300));
        worker(request -> new CompletableFuture<>());

        Job failed = awaitTerminal(submit().id());

        assertThat(failed.failure().orElseThrow().code()).isEqualTo("IMAGEGEN_TIMEOUT");
    }

    @Test
    void regression_drawings_still_running_at_the_deadline_are_cancelled() {
        settings = settings.withJobDeadline(Duration.ofMillis(300));
        List<CompletableFuture<GeneratedImage>> drawings = new java.util.concurrent.CopyOnWriteArrayList<>();
        worker(request -> {
            CompletableFuture<GeneratedImage> drawing = new CompletableFuture<>();
            drawings.add(drawing);
            return drawing;
        });

        awaitTerminal(submit().id());

        assertThat(Fixtures.eventually(
                        PATIENT,
                        () -> drawings.size() == 3 && drawings.stream().allMatch(CompletableFuture::isCancelled)))
                .isTrue();
    }

    @Test
    void an_already_finished_job_is_acknowledged_without_drawing() throws Exception {
        Job job = submit();
        Fixtures.storeCompleted(store, job);
        AtomicInteger drawn = new AtomicInteger();

        worker(request -> {
            drawn.incrementAndGet();
            return INSTANT.generate(request);
        });

        assertThat(Fixtures.eventually(PATIENT, () -> {
                    try {
                        return store.claim(Duration.ofMillis(10)).isEmpty();
                    } catch (InterruptedException e) {
                        return false;
                    }
                }))
                .isTrue();
        assertThat(drawn).hasValue(0);
        assertThat(store.find(job.id()).orElseThrow().generator()).contains("test");
    }

    @Test
    void a_job_that_keeps_killing_its_workers_fails_as_poisoned() throws Exception {
        settings = settings.withMaxAttempts(2);
        Job job = submit();
        for (int i = 0; i < 2; i++) { // two workers "die" holding the job: their leases run out
            assertThat(store.claim(PATIENT)).isPresent();
        }

        worker(INSTANT);

        Job failed = awaitTerminal(job.id());
        assertThat(failed.failure().orElseThrow().code()).isEqualTo(JobFailure.POISONED);
    }

    @Test
    void a_job_is_not_lost_while_its_store_is_down() {
        AtomicInteger outages = new AtomicInteger(2);
        JobQueue flaky = new JobQueue() {
            @Override
            public List<ClaimedJob> claim(int max, Duration timeout) throws InterruptedException {
                return store.claim(max, timeout);
            }

            @Override
            public Set<Claim> renew(Collection<Claim> claims) {
                return store.renew(claims);
            }

            @Override
            public void complete(Claim claim) {
                store.complete(claim);
            }

            @Override
            public void release(Claim claim) {
                store.release(claim);
            }

            @Override
            public boolean finish(Claim claim, Job outcome, Optional<DraftImages> images) {
                if (outcome.status() == JobStatus.COMPLETED && outages.getAndDecrement() > 0) {
                    throw new StoreUnavailableException("redis is down", null);
                }
                return store.finish(claim, outcome, images);
            }
        };
        worker(INSTANT, flaky);

        Job done = awaitTerminal(submit().id());

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(outages.get()).isNegative();
    }

    @Test
    void worker_holds_no_more_jobs_than_its_limit() {
        settings = settings.withMaxInFlightJobs(2);
        AtomicInteger concurrentJobs = new AtomicInteger();
        AtomicInteger maxConcurrentJobs = new AtomicInteger();
        worker(request -> CompletableFuture.supplyAsync(
                () -> {
                    if (request.style() == ImageStyle.SIMPLE) {
                        maxConcurrentJobs.accumulateAndGet(concurrentJobs.incrementAndGet(), Math::max);
                        sleep(100);
                        concurrentJobs.decrementAndGet();
                    }
                    return png("x", "fake");
                },
                CompletableFuture.delayedExecutor(0, TimeUnit.MILLISECONDS)));
        List<Job> submitted = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            submitted.add(submit());
        }

        submitted.forEach(job -> assertThat(awaitTerminal(job.id()).status()).isEqualTo(JobStatus.COMPLETED));

        assertThat(maxConcurrentJobs.get()).isBetween(1, 2);
    }

    @Test
    void closing_releases_unfinished_jobs_to_others_at_once() throws Exception {
        CountDownLatch asked = new CountDownLatch(3);
        ImageGenerationWorker worker = worker(request -> {
            asked.countDown();
            return new CompletableFuture<>(); // never answers
        });
        Job job = submit();
        assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue();

        worker.close();

        Optional<Claim> taken = store.claim(Duration.ofMillis(200)); // far shorter than a lease
        assertThat(taken).map(Claim::jobId).contains(job.id());
        assertThat(taken.get().attempt()).isEqualTo(1);
        assertThat(worker.inFlight()).isZero();
    }

    @Test
    void regression_progress_is_recorded_style_by_style() {
        CompletableFuture<GeneratedImage> fancy = new CompletableFuture<>();
        worker(request -> request.style() == ImageStyle.FANCY ? fancy : INSTANT.generate(request));
        Job job = submit();

        assertThat(Fixtures.eventually(
                        PATIENT,
                        () -> store.find(job.id()).orElseThrow().stylesDone().size() == 2))
                .isTrue();
        assertThat(store.find(job.id()).orElseThrow().stylesDone())
                .containsExactlyInAnyOrder(ImageStyle.SIMPLE, ImageStyle.TRENDY);
        fancy.complete(png("f", "fake"));

        assertThat(awaitTerminal(job.id()).status()).isEqualTo(JobStatus.COMPLETED);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
