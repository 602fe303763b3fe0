package dev.contentservice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.adapter.redis.RedisSettings;
import dev.contentservice.testfixtures.ProviderStub;
import dev.contentservice.testfixtures.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a job costs Redis on the service jar itself, counted with {@code redis-cli MONITOR} as {@link
 * RoundTrips} counts the worker in-process: the jar in Redis mode on a redis-server of its own, images on
 * the filesystem (outside Redis, as with an object store), the stand-in provider answering at once,
 * {@code CONTENT_IMAGEGEN_TEXT=provider}. After 300 warm-up jobs have finished, {@code jobs} jobs are POSTed
 * over HTTP, 20 a second ({@code paced}) or all at once ({@code burst}); the count runs from the first POST
 * to 4 s after the last, so what the service sends per second rather than per job (pollers' blocking
 * reads, the webhook outbox's look, the rate budget's look while calls are made) is counted too. Prints
 * {@code ROUNDTRIPS_JSON {...}} with side {@code service jar}.
 *
 * <p>{@code java -jar bench/target/bench.jar roundtrips-service <jobs> <paced|burst>}, from the repository
 * root after {@code bench/run.sh} or its build step.
 */
final class ServiceJarRoundTrips {
    private static final int WARM_UP_JOBS = 300;
    private static final int PACED_PER_SECOND = 20;
    private static final Duration AFTER_THE_LAST = Duration.ofSeconds(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceJarRoundTrips() {}

    static void main(int jobs, String mode) throws Exception {
        boolean burst = "burst".equals(mode);
        Path repo = Path.of("").toAbsolutePath();
        Path logDir = repo.resolve("bench/target/logs");
        Path images = Files.createTempDirectory("content-roundtrips-images");
        try (RedisServer redis = RedisServer.start(logDir);
                ProviderStub stub = ProviderStub.startCounting(Duration.ZERO)) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("CONTENT_REDIS_URL", redis.url());
            env.put("CONTENT_IMAGEGEN_URL", stub.baseUrl());
            env.put("CONTENT_IMAGEGEN_API_KEY", "bench-not-a-key");
            env.put("CONTENT_IMAGE_STORE", "filesystem");
            env.put("CONTENT_IMAGE_DIR", images.toString());
            env.put("CONTENT_IMAGEGEN_TEXT", "provider");
            try (ServiceProcess service = ServiceProcess.java(
                    "service-roundtrips",
                    List.of(
                            "-jar",
                            repo.resolve("bootstrap/target/content-service.jar").toString()),
                    env,
                    logDir)) {
                List<String> warm = Drafts.ids("rtw-", WARM_UP_JOBS);
                List<String> counted = Drafts.ids("rt-", jobs);
                List<String> all = new ArrayList<>(warm);
                all.addAll(counted);
                Drafts.preload(redis.client(), all);

                List<String> warmJobs = new ArrayList<>();
                for (String draft : warm) {
                    warmJobs.add(post(service, draft));
                }
                awaitFinished(service, warmJobs);

                RoundTrips.Monitor monitor = RoundTrips.Monitor.start(RedisSettings.of(redis.url()));
                List<String> countedJobs = burst ? postAtOnce(service, counted) : postPaced(service, counted);
                Thread.sleep(AFTER_THE_LAST.toMillis());
                Map<String, Long> counts = monitor.stop();
                long failed = awaitFinished(service, countedJobs);
                RoundTrips.print("service jar", burst ? "burst" : "paced", jobs, counts, failed);
            }
        }
    }

    private static List<String> postPaced(ServiceProcess service, List<String> drafts) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < drafts.size(); i++) {
            ids.add(post(service, drafts.get(i)));
            long next = start + (i + 1) * 1_000_000_000L / PACED_PER_SECOND;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        return ids;
    }

    private static List<String> postAtOnce(ServiceProcess service, List<String> drafts) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(drafts.size());
        try {
            List<Future<String>> posts = new ArrayList<>();
            for (String draft : drafts) {
                posts.add(clients.submit(() -> post(service, draft)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> post : posts) {
                ids.add(post.get());
            }
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    private static String post(ServiceProcess service, String draft) {
        try {
            HttpResponse<String> response = service.post("/api/content/images/" + draft + "/generate");
            if (response.statusCode() != 202) {
                throw new IllegalStateException("POST " + draft + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).path("jobId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until every job has ended (at most 2 minutes); returns how many FAILED. */
    private static long awaitFinished(ServiceProcess service, List<String> jobIds) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long failed = 0;
        for (String id : jobIds) {
            while (true) {
                JsonNode status = JSON.readTree(
                        service.get("/api/content/jobs/" + id + "/status").body());
                String value = status.path("status").asText();
                if ("COMPLETED".equals(value)) {
                    break;
                }
                if ("FAILED".equals(value)) {
                    failed++;
                    break;
                }
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("job " + id + " did not finish within 2 minutes: " + status);
                }
                Sleep.millis(50);
            }
        }
        return failed;
    }
}
