package dev.contentservice.bench;

import dev.contentservice.adapter.redis.RedisSettings;
import dev.contentservice.testfixtures.ProviderStub;
import dev.contentservice.testfixtures.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
    private static final int WARM_UP_CONCURRENCY = 32;
    private static final Api API = new Api();

    private ServiceJarRoundTrips() {}

    static void main(int jobs, String mode) throws Exception {
        boolean burst = "burst".equals(mode);
        Path repo = Path.of("").toAbsolutePath();
        Path logDir = repo.resolve("bench/target/logs");
        Path images = Files.createTempDirectory("content-roundtrips-images");
        try (RedisServer redis = RedisServer.start(logDir);
                ProviderStub stub = ProviderStub.startCounting(Duration.ZERO)) {
            Map<String, String> env = Benchmarks.serviceEnv(redis, stub.baseUrl());
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

                String base = service.baseUrl();
                awaitFinished(redis, base, API.generateAll(base, warm, WARM_UP_CONCURRENCY));

                RoundTrips.Monitor monitor = RoundTrips.Monitor.start(RedisSettings.of(redis.url()));
                List<String> countedJobs =
                        burst ? API.generateAll(base, counted, counted.size()) : postPaced(base, counted);
                Thread.sleep(AFTER_THE_LAST.toMillis());
                Map<String, Long> counts = monitor.stop();
                long failed = awaitFinished(redis, base, countedJobs);
                RoundTrips.print("service jar", burst ? "burst" : "paced", jobs, counts, failed);
            }
        }
    }

    private static List<String> postPaced(String base, List<String> drafts) {
        List<String> ids = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < drafts.size(); i++) {
            Sleep.untilDue(start, i, PACED_PER_SECOND);
            ids.add(API.generate(base, drafts.get(i)));
        }
        return ids;
    }

    /** Waits (long-polling) until every job has ended, at most 2 minutes; returns how many FAILED. */
    private static long awaitFinished(RedisServer redis, String base, List<String> jobIds) throws Exception {
        CompletableFuture.allOf(
                        jobIds.stream().map(id -> API.awaitTerminal(base, id)).toArray(CompletableFuture[]::new))
                .get(2, TimeUnit.MINUTES);
        return Api.statusCounts(redis.client(), jobIds).getOrDefault("FAILED", 0L);
    }
}
