package dev.contentservice.bench;

import dev.contentservice.adapter.redis.RedisBackend;
import dev.contentservice.adapter.redis.RedisSettings;
import dev.contentservice.application.ImageGenerationWorker;
import dev.contentservice.application.JobMetrics;
import dev.contentservice.application.RequestImageGeneration;
import dev.contentservice.application.WorkerSettings;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageLinks;
import dev.contentservice.testfixtures.ProviderStub;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.RedisClient;

/**
 * The service's side of the worker-throughput benchmark, in a JVM of its own: the real use case, the real
 * {@link ImageGenerationWorker} with its default {@link WorkerSettings}, the real Redis adapters, and a
 * generator that answers at once with a tiny PNG (which the worker stores in Redis, as it does in
 * production). Submits {@code warmup} jobs and processes them (not timed); then submits {@code jobs} jobs
 * with no worker running, starts a new worker and times from its start until the last job is COMPLETED.
 * Prints {@code WORKER_JSON {...}}.
 *
 * <p>{@code java -jar bench.jar worker <redisUrl> <jobs> <warmupJobs>}
 */
final class WorkerThroughput {
    private WorkerThroughput() {}

    static void main(String redisUrl, int jobs, int warmup) throws InterruptedException {
        RedisSettings settings = RedisSettings.of(redisUrl);
        try (RedisBackend backend = RedisBackend.open(settings);
                RedisClient harness = RedisClient.create(settings.host(), settings.port())) {
            Counting metrics = new Counting();
            RequestImageGeneration requests = new RequestImageGeneration(
                    backend.recommendationSource(), backend.jobRepository(), Clock.systemUTC(), metrics);
            ImageGenerator instant = request -> CompletableFuture.completedFuture(
                    new GeneratedImage(ProviderStub.TINY_PNG, "image/png", "bench:instant"));
            ImageLinks links = name -> "http://127.0.0.1/" + name.value(); // never fetched
            WorkerSettings workerSettings = WorkerSettings.defaults();

            if (warmup > 0) {
                submit(harness, requests, "worker-warmup-", warmup);
                timeRun(backend, metrics, instant, links, workerSettings, warmup);
            }
            submit(harness, requests, "worker-", jobs);
            double seconds = timeRun(backend, metrics, instant, links, workerSettings, jobs);
            System.out.printf(
                    Locale.ROOT,
                    "WORKER_JSON {\"jobs\":%d,\"seconds\":%.6f,\"perSecond\":%.3f,\"maxInFlightJobs\":%d,\"failed\":%d}%n",
                    jobs,
                    seconds,
                    jobs / seconds,
                    workerSettings.maxInFlightJobs(),
                    metrics.failed.get());
        }
    }

    private static void submit(RedisClient harness, RequestImageGeneration requests, String prefix, int count) {
        var ids = Drafts.ids(prefix, count);
        Drafts.preload(harness, ids);
        for (String id : ids) {
            requests.request(EventDraftId.of(id));
        }
    }

    private static double timeRun(
            RedisBackend backend,
            Counting metrics,
            ImageGenerator generator,
            ImageLinks links,
            WorkerSettings settings,
            int count)
            throws InterruptedException {
        CountDownLatch done = metrics.expect(count);
        ImageGenerationWorker worker = new ImageGenerationWorker(
                backend.jobQueue(),
                backend.jobRepository(),
                generator,
                backend.imageStore(),
                links,
                Clock.systemUTC(),
                metrics,
                settings);
        long start = System.nanoTime();
        worker.start();
        boolean finished = done.await(5, TimeUnit.MINUTES);
        long end = System.nanoTime();
        worker.close();
        if (!finished) {
            throw new IllegalStateException(
                    "the worker finished " + (count - done.getCount()) + " of " + count + " jobs within 5 minutes");
        }
        return Duration.ofNanos(end - start).toNanos() / 1e9;
    }

    /** Counts finished jobs (completed or failed) down a latch. */
    private static final class Counting implements JobMetrics {
        private volatile CountDownLatch latch = new CountDownLatch(0);
        final AtomicLong failed = new AtomicLong();

        CountDownLatch expect(int count) {
            latch = new CountDownLatch(count);
            return latch;
        }

        @Override
        public void jobCompleted(Duration took) {
            latch.countDown();
        }

        @Override
        public void jobFailed(String code, Duration took) {
            failed.incrementAndGet();
            latch.countDown();
        }
    }
}
