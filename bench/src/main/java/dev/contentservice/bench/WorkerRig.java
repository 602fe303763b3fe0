package dev.contentservice.bench;

import dev.contentservice.adapter.memory.InMemoryImageStore;
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
import dev.contentservice.domain.ImageStore;
import dev.contentservice.testfixtures.ProviderStub;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.RedisClient;

/**
 * The in-process service that the worker-throughput and round-trip harnesses share: the real use case
 * ({@link RequestImageGeneration}) and the real {@link ImageGenerationWorker} with its default settings on the
 * real Redis adapters, a generator that answers at once with a tiny PNG, and a count of finished jobs.
 */
final class WorkerRig implements AutoCloseable {
    private final RedisBackend backend;
    private final RedisClient harness;
    private final Counting metrics = new Counting();
    private final RequestImageGeneration requests;
    private final ImageGenerator instant = request ->
            CompletableFuture.completedFuture(new GeneratedImage(ProviderStub.TINY_PNG, "image/png", "bench:instant"));
    private final ImageLinks links = name -> "http://127.0.0.1/api/content/images/files/" + name.value();
    private final WorkerSettings settings = WorkerSettings.defaults();

    private WorkerRig(RedisBackend backend, RedisClient harness) {
        this.backend = backend;
        this.harness = harness;
        this.requests = new RequestImageGeneration(
                backend.recommendationSource(), backend.jobRepository(), Clock.systemUTC(), metrics);
    }

    static WorkerRig open(String redisUrl) {
        RedisSettings settings = RedisSettings.of(redisUrl);
        RedisBackend backend = RedisBackend.open(settings);
        return new WorkerRig(backend, RedisClient.create(settings.host(), settings.port()));
    }

    WorkerSettings settings() {
        return settings;
    }

    /** The images in Redis, as the service stores them without an object store. */
    ImageStore redisImages() {
        return backend.imageStore();
    }

    /** Images outside Redis, as with an object store: the in-memory adapter's store, in this process. */
    ImageStore outsideImages() {
        return new InMemoryImageStore(Clock.systemUTC());
    }

    /** A new worker (not started) over the given image store. */
    ImageGenerationWorker worker(ImageStore images) {
        return new ImageGenerationWorker(
                backend.jobQueue(),
                backend.jobRepository(),
                instant,
                images,
                links,
                Clock.systemUTC(),
                metrics,
                settings);
    }

    /** Preloads the drafts' recommendations (the AI service's part); the ids are returned in order. */
    List<String> drafts(String prefix, int count) {
        List<String> ids = Drafts.ids(prefix, count);
        Drafts.preload(harness, ids);
        return ids;
    }

    /** What POST generate does for one draft, without HTTP. */
    void request(String draftId) {
        requests.request(EventDraftId.of(draftId));
    }

    /** Counts the next {@code count} finished jobs (completed or failed) down the returned latch. */
    CountDownLatch expect(int count) {
        return metrics.expect(count);
    }

    /** What redis-server has spent on CPU since it started (user and system, {@code INFO cpu}). */
    double redisCpuSeconds() {
        double seconds = 0;
        for (String line : harness.info("cpu").split("\r?\n")) {
            if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                seconds +=
                        Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return seconds;
    }

    long failed() {
        return metrics.failed.get();
    }

    /**
     * Submits {@code jobs} jobs, then runs them through a worker over {@code images} and waits for them, so
     * that the scripts are loaded and the connection pool holds the connections a busy worker needs (a
     * connection's set-up, {@code HELLO} and {@code CLIENT SETINFO}, is paid once, not per job).
     */
    void warmUp(String prefix, int jobs, ImageStore images) throws InterruptedException {
        List<String> ids = drafts(prefix, jobs);
        CountDownLatch done = expect(jobs);
        for (String id : ids) {
            request(id);
        }
        try (ImageGenerationWorker worker = worker(images)) {
            worker.start();
            if (!done.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the warm-up finished " + (jobs - done.getCount()) + " of " + jobs);
            }
        }
    }

    @Override
    public void close() {
        harness.close();
        backend.close();
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
