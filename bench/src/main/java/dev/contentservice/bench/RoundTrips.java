package dev.contentservice.bench;

import dev.contentservice.adapter.redis.RedisBackend;
import dev.contentservice.adapter.redis.RedisSettings;
import dev.contentservice.application.ImageGenerationWorker;
import dev.contentservice.application.JobMetrics;
import dev.contentservice.application.RequestImageGeneration;
import dev.contentservice.application.WorkerSettings;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageLinks;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.testfixtures.ProviderStub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.RedisClient;

/**
 * What a job costs Redis, counted with {@code redis-cli MONITOR}: the real use case and the real {@link
 * ImageGenerationWorker} on the real Redis adapters, in this process, with a generator that answers at
 * once and the images in memory (outside Redis, as with an object store). A worker waits on the queue;
 * then {@code jobs} POST-equivalents ({@link RequestImageGeneration#request}) arrive one after another
 * ({@code arriving}) or are all submitted before the worker starts ({@code backlog}), and the run ends
 * when the last job is finished. Every line MONITOR prints while the jobs are requested and processed is
 * counted: a line from a client connection is a command the client sent (a round trip, or one command of a
 * pipeline), a line from {@code lua} is a command a script ran. Prints {@code ROUNDTRIPS_JSON {...}}.
 *
 * <p>{@code java -jar bench.jar roundtrips <redisUrl> <jobs> <arriving|backlog>}
 */
final class RoundTrips {
    private static final Pattern LINE = Pattern.compile("^[0-9.]+ \\[\\d+ ([^\\]]+)\\] \"([A-Za-z]+)\"");

    private RoundTrips() {}

    static void main(String redisUrl, int jobs, String mode) throws Exception {
        RedisSettings settings = RedisSettings.of(redisUrl);
        try (RedisBackend backend = RedisBackend.open(settings);
                RedisClient harness = RedisClient.create(settings.host(), settings.port())) {
            Counting metrics = new Counting();
            RequestImageGeneration requests = new RequestImageGeneration(
                    backend.recommendationSource(), backend.jobRepository(), Clock.systemUTC(), metrics);
            ImageGenerator instant = request -> CompletableFuture.completedFuture(
                    new GeneratedImage(ProviderStub.TINY_PNG, "image/png", "bench:instant"));
            ImageLinks links = name -> "http://127.0.0.1/api/content/images/files/" + name.value();
            List<String> ids = Drafts.ids("rt-" + System.nanoTime() + "-", jobs);
            Drafts.preload(harness, ids);
            // warm the scripts and the connection pool with one job, not counted
            String warm = "rt-warm-" + System.nanoTime();
            Drafts.preload(harness, List.of(warm));
            CountDownLatch warmed = metrics.expect(1);
            ImageGenerationWorker warmWorker = worker(backend, instant, links, metrics);
            warmWorker.start();
            requests.request(EventDraftId.of(warm));
            warmed.await(1, TimeUnit.MINUTES);
            warmWorker.close();

            boolean arriving = !"backlog".equals(mode);
            Monitor monitor = Monitor.start(settings);
            CountDownLatch done = metrics.expect(jobs);
            ImageGenerationWorker worker = worker(backend, instant, links, metrics);
            if (arriving) {
                worker.start();
            }
            for (String id : ids) {
                requests.request(EventDraftId.of(id));
            }
            if (!arriving) {
                worker.start();
            }
            if (!done.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("only " + (jobs - done.getCount()) + " of " + jobs + " jobs finished");
            }
            Map<String, Long> counts = monitor.stop();
            worker.close();
            long client = counts.entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("lua "))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            long all = counts.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder breakdown = new StringBuilder();
            counts.forEach((command, count) -> breakdown
                    .append(breakdown.length() == 0 ? "" : ",")
                    .append('"')
                    .append(command)
                    .append("\":")
                    .append(String.format(Locale.ROOT, "%.2f", count / (double) jobs)));
            System.out.printf(
                    Locale.ROOT,
                    "ROUNDTRIPS_JSON {\"mode\":\"%s\",\"jobs\":%d,\"roundTripsPerJob\":%.2f,\"commandsPerJob\":%.2f,"
                            + "\"failed\":%d,\"perJob\":{%s}}%n",
                    arriving ? "arriving" : "backlog",
                    jobs,
                    client / (double) jobs,
                    all / (double) jobs,
                    metrics.failed.get(),
                    breakdown);
        }
    }

    private static ImageGenerationWorker worker(
            RedisBackend backend, ImageGenerator generator, ImageLinks links, JobMetrics metrics) {
        return new ImageGenerationWorker(
                backend.jobQueue(),
                backend.jobRepository(),
                generator,
                new MemoryImages(),
                links,
                Clock.systemUTC(),
                metrics,
                WorkerSettings.defaults());
    }

    /** {@code redis-cli MONITOR} in a child process, its lines counted by command and by client kind. */
    private static final class Monitor {
        private final Process process;
        private final Thread reader;
        private final Map<String, Long> counts = new ConcurrentHashMap<>();
        private final CountDownLatch ready = new CountDownLatch(1);

        private Monitor(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "monitor-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Monitor start(RedisSettings settings) throws InterruptedException {
            try {
                Process process = new ProcessBuilder(
                                "redis-cli",
                                "-h",
                                settings.host(),
                                "-p",
                                Integer.toString(settings.port()),
                                "-n",
                                Integer.toString(settings.database()),
                                "monitor")
                        .redirectErrorStream(true)
                        .start();
                Monitor monitor = new Monitor(process);
                if (!monitor.ready.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("redis-cli monitor did not start");
                }
                return monitor;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run redis-cli (is it installed?)", e);
            }
        }

        private void read() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.equals("OK")) {
                        ready.countDown();
                        continue;
                    }
                    Matcher m = LINE.matcher(line);
                    if (m.find()) {
                        String who = m.group(1).equals("lua") ? "lua " : "";
                        counts.merge(who + m.group(2).toUpperCase(Locale.ROOT), 1L, Long::sum);
                    }
                }
            } catch (IOException e) {
                // the process was stopped
            }
        }

        Map<String, Long> stop() throws InterruptedException {
            Thread.sleep(300); // MONITOR lines trail the commands by a little
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
            reader.join(5000);
            return new TreeMap<>(counts);
        }
    }

    /** Images outside Redis, as with an object store. */
    private static final class MemoryImages implements ImageStore {
        private final Map<ImageFileName, StoredImage> images = new ConcurrentHashMap<>();

        @Override
        public void put(ImageFileName name, GeneratedImage image) {
            images.put(name, new StoredImage(image.bytes(), image.format().mediaType()));
        }

        @Override
        public Optional<StoredImage> get(ImageFileName name) {
            return Optional.ofNullable(images.get(name));
        }
    }

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
