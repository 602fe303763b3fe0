package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.contentservice.adapter.objectstore.S3ImageStore;
import dev.contentservice.adapter.objectstore.S3ProxyServer;
import dev.contentservice.adapter.redis.RedisBackend;
import dev.contentservice.adapter.redis.RedisServerExtension;
import dev.contentservice.application.WorkerSettings;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.StoreUnavailableException;
import dev.contentservice.domain.contract.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The service in Redis mode with {@code CONTENT_IMAGE_STORE=s3} against a real S3 API server (S3Proxy, a
 * child JVM) and a real redis-server: the seed's flow, what lands in the bucket and in Redis, CDN links, an
 * outage of the object store, and a bad bucket at start.
 */
class ObjectStoreServiceTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<AutoCloseable> opened = new ArrayList<>();
    private ContentService service;

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        if (!S3.isRunning()) {
            S3.start();
        }
    }

    private static String newBucket() {
        String bucket = "images-" + UUID.randomUUID().toString().substring(0, 8);
        S3.createBucket(bucket);
        return bucket;
    }

    private static Map<String, String> s3Env(String bucket) {
        Map<String, String> env = new HashMap<>();
        env.put("CONTENT_HTTP_PORT", "0");
        env.put("CONTENT_REDIS_URL", REDIS.url());
        env.put("CONTENT_QUEUE_LEASE_SECONDS", "2");
        env.put("CONTENT_IMAGE_STORE", "s3");
        env.put("CONTENT_S3_BUCKET", bucket);
        env.put("CONTENT_S3_ENDPOINT", S3.endpoint().toString());
        env.put("CONTENT_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY);
        env.put("CONTENT_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY);
        return env;
    }

    private ContentService start(Map<String, String> env, com.google.inject.Module... overrides) {
        service = ContentService.start(ContentConfig.fromEnvironment(env, new Properties()), overrides);
        return service;
    }

    private S3Client bucketClient() {
        S3Client client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.US_EAST_1)
                .endpointOverride(S3.endpoint())
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        opened.add(client);
        return client;
    }

    private static void storeRecommendation(String draft) {
        try (RedisClient redis = RedisClient.create(REDIS.url())) {
            redis.set(
                    "ai:event:" + draft,
                    "{\"eventInfo\":{\"storeName\":\"해피 베이커리\",\"title\":\"봄맞이 신메뉴 출시 이벤트\"},"
                            + "\"selectedRecommendation\":{\"title\":\"딸기 크루아상 시식 이벤트\","
                            + "\"keywords\":[\"봄\",\"딸기\"]}}");
        }
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode getJson(String path) throws Exception {
        return JSON.readTree(get(service.baseUrl() + path).body());
    }

    private String generate(String draft) throws Exception {
        HttpResponse<String> accepted = CLIENT.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/content/images/" + draft + "/generate"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).get("jobId").asText();
    }

    private JsonNode awaitEnd(String jobId, Duration within) {
        JsonNode[] last = new JsonNode[1];
        boolean ended = Fixtures.eventually(within, () -> {
            try {
                last[0] = getJson("/api/content/jobs/" + jobId + "/status");
                String status = last[0].path("status").asText();
                return status.equals("COMPLETED") || status.equals("FAILED");
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(ended).as("job %s ended; last status %s", jobId, last[0]).isTrue();
        return last[0];
    }

    private static String fileName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void the_seed_flow_completes_with_the_three_images_as_objects_that_are_byte_identical_to_what_the_urls_serve()
            throws Exception {
        String bucket = newBucket();
        start(s3Env(bucket));
        storeRecommendation("s3-flow");

        JsonNode status = awaitEnd(generate("s3-flow"), Duration.ofSeconds(60));

        assertThat(status.path("status").asText()).isEqualTo("COMPLETED");
        S3Client s3 = bucketClient();
        for (ImageStyle style : ImageStyle.values()) {
            String url = status.path("imageUrls").path(style.key()).asText();
            assertThat(url).startsWith(service.baseUrl() + "/api/content/images/files/");
            HttpResponse<byte[]> served = get(url);
            byte[] object = s3.getObjectAsBytes(
                            request -> request.bucket(bucket).key(fileName(url)))
                    .asByteArray();
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(object);
            assertThat(object.length).isGreaterThan(1000);
        }
        try (RedisClient redis = RedisClient.create(REDIS.url())) {
            assertThat(redis.keys("content:file:*"))
                    .as("no image byte in Redis")
                    .isEmpty();
        }
    }

    /** Redis's used_memory growth per completed job, and its largest key, over 10 jobs after a warm-up. */
    record Growth(long perJob, long largestKey, String figures) {}

    private Growth measureRedisGrowth(Map<String, String> env, String label) throws Exception {
        try (RedisClient redis = RedisClient.create(REDIS.url())) {
            redis.flushAll();
        }
        start(env);
        // one job first, so the scripts, the stream and the consumer group exist before measuring
        storeRecommendation("warm-up");
        awaitEnd(generate("warm-up"), Duration.ofSeconds(60));
        int jobs = 10;
        for (int i = 0; i < jobs; i++) {
            storeRecommendation("measured-" + i);
        }

        long before = usedMemory();
        for (int i = 0; i < jobs; i++) {
            assertThat(awaitEnd(generate("measured-" + i), Duration.ofSeconds(60))
                            .path("status")
                            .asText())
                    .isEqualTo("COMPLETED");
        }
        long after = usedMemory();

        long perJob = (after - before) / jobs;
        long largestKey = 0;
        String largest = "";
        try (RedisClient redis = RedisClient.create(REDIS.url())) {
            for (String key : redis.keys("*")) {
                Long usage = redis.memoryUsage(key);
                if (usage != null && usage > largestKey) {
                    largestKey = usage;
                    largest = key;
                }
            }
        }
        String figures = label + ": Redis used_memory grew by " + perJob + " bytes per completed job (" + jobs
                + " jobs with the local posters, " + (after - before) + " bytes); largest key " + largest + " = "
                + largestKey + " bytes";
        System.out.println(figures);
        Files.writeString(
                Files.createDirectories(Path.of("target"))
                        .resolve("redis-memory-" + label.replaceAll("\\W", "-") + ".txt"),
                figures + "\n");
        return new Growth(perJob, largestKey, figures);
    }

    @Test
    void with_s3_redis_grows_by_a_few_kilobytes_per_completed_job_and_holds_no_large_key() throws Exception {
        Growth growth = measureRedisGrowth(s3Env(newBucket()), "CONTENT_IMAGE_STORE=s3");

        assertThat(growth.perJob()).as(growth.figures()).isLessThan(8 * 1024);
        assertThat(growth.largestKey()).as(growth.figures()).isLessThan(8 * 1024);
    }

    @Test
    void with_images_in_redis_each_job_costs_hundreds_of_kilobytes_which_is_why_s3_is_recommended() throws Exception {
        Map<String, String> env = s3Env("unused");
        env.put("CONTENT_IMAGE_STORE", "redis");

        Growth growth = measureRedisGrowth(env, "CONTENT_IMAGE_STORE=redis");

        assertThat(growth.perJob()).as(growth.figures()).isGreaterThan(100 * 1024);
        assertThat(growth.largestKey()).as(growth.figures()).isGreaterThan(50 * 1024);
    }

    private static long usedMemory() {
        try (RedisClient redis = RedisClient.create(REDIS.url())) {
            for (String line : redis.info("memory").split("\r?\n")) {
                if (line.startsWith("used_memory:")) {
                    return Long.parseLong(
                            line.substring("used_memory:".length()).strip());
                }
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory");
    }

    @Test
    void with_a_public_url_the_status_and_the_redis_record_hold_cdn_urls_of_the_object_keys() throws Exception {
        String bucket = newBucket();
        Map<String, String> env = s3Env(bucket);
        env.put("CONTENT_S3_PREFIX", "events");
        env.put("CONTENT_IMAGE_PUBLIC_URL", "https://cdn.example.com/ev");
        start(env);
        storeRecommendation("cdn-draft");

        JsonNode status = awaitEnd(generate("cdn-draft"), Duration.ofSeconds(60));

        assertThat(status.path("status").asText()).isEqualTo("COMPLETED");
        S3Client s3 = bucketClient();
        try (RedisClient redis = RedisClient.create(REDIS.url())) {
            Map<String, String> record = redis.hgetAll("content:image:cdn-draft");
            for (ImageStyle style : ImageStyle.values()) {
                String url = status.path("imageUrls").path(style.key()).asText();
                assertThat(url).startsWith("https://cdn.example.com/ev/events/");
                assertThat(record.get(style.key())).isEqualTo(url);
                String key = url.substring("https://cdn.example.com/ev/".length());
                assertThat(s3.headObject(request -> request.bucket(bucket).key(key))
                                .contentType())
                        .isEqualTo("image/png");
            }
        }
    }

    /** Counts the writes the real bucket refused, so the test knows the outage was met. */
    static final class RefusedWrites extends AbstractModule {
        final AtomicInteger refused = new AtomicInteger();

        @Provides
        @Singleton
        ImageStore imageStore(S3ImageStore bucket) {
            return new ImageStore() {
                @Override
                public void put(ImageFileName name, GeneratedImage image) {
                    try {
                        bucket.put(name, image);
                    } catch (StoreUnavailableException e) {
                        refused.incrementAndGet();
                        throw e;
                    }
                }

                @Override
                public Optional<StoredImage> get(ImageFileName name) {
                    return bucket.get(name);
                }
            };
        }

        @Provides
        @Singleton
        WorkerSettings workerSettings() {
            // the default budget of 3 claims is about the lease, not this test: S3Proxy takes seconds to restart
            return WorkerSettings.defaults().withMaxAttempts(50).withRenewEvery(Duration.ofMillis(500));
        }
    }

    @Test
    void a_job_that_meets_the_object_store_down_is_not_failed_and_completes_once_it_is_back_without_a_new_post()
            throws Exception {
        RefusedWrites refusedWrites = new RefusedWrites();
        Map<String, String> env = s3Env(newBucket());
        env.put("CONTENT_QUEUE_LEASE_SECONDS", "5"); // each retry draws again: fewer retries, less load
        start(env, refusedWrites);
        storeRecommendation("s3-outage");
        S3.stop();

        String jobId = generate("s3-outage");
        assertThat(Fixtures.eventually(Duration.ofSeconds(30), () -> refusedWrites.refused.get() > 0))
                .isTrue();
        HttpResponse<byte[]> ready = get(service.baseUrl() + "/health/ready");
        JsonNode during = getJson("/api/content/jobs/" + jobId + "/status");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(ready.body()).path("components").path("images").asText())
                .isEqualTo("DOWN");
        assertThat(during.path("status").asText()).isEqualTo("PROCESSING");

        S3.start();
        JsonNode status = awaitEnd(jobId, Duration.ofSeconds(120));

        assertThat(status.path("status").asText()).isEqualTo("COMPLETED");
        for (ImageStyle style : ImageStyle.values()) {
            assertThat(get(status.path("imageUrls").path(style.key()).asText()).statusCode())
                    .isEqualTo(200);
        }
        assertThat(get(service.baseUrl() + "/health/ready").statusCode()).isEqualTo(200);
        try (RedisClient redis = RedisClient.create(REDIS.url())) {
            assertThat(Integer.parseInt(redis.hget("job:" + jobId, "attempts"))).isGreaterThan(1);
        }
    }

    @Test
    void images_hosted_in_redis_before_the_switch_to_s3_are_still_served() throws Exception {
        ImageFileName old = ImageFileName.of(JobId.random(), ImageStyle.SIMPLE, ImageFormat.PNG);
        byte[] bytes = new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        try (RedisBackend redis = RedisBackend.open(REDIS.settings())) {
            redis.imageStore().put(old, new GeneratedImage(bytes, "image/png", "test"));
        }
        start(s3Env(newBucket()));

        HttpResponse<byte[]> served = get(service.baseUrl() + "/api/content/images/files/" + old.value());

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(bytes);
    }

    @Test
    void a_missing_bucket_stops_the_start_naming_the_setting() {
        Map<String, String> env = s3Env("no-such-bucket");

        assertThatThrownBy(() -> start(env))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("CONTENT_S3_BUCKET")
                .hasMessageContaining("no-such-bucket")
                .hasMessageNotContaining(S3ProxyServer.SECRET_KEY);
        service = null;
    }

    @Test
    void the_jar_exits_2_naming_the_setting_when_the_bucket_is_missing_or_unreachable() throws Exception {
        Map<String, String> missing = s3Env("no-such-bucket");
        Map<String, String> unreachable = s3Env(newBucket());
        unreachable.put("CONTENT_S3_ENDPOINT", "http://127.0.0.1:" + closedPort());

        assertThat(runMain(missing)).satisfies(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.output()).contains("CONTENT_S3_BUCKET").doesNotContain(S3ProxyServer.SECRET_KEY);
        });
        assertThat(runMain(unreachable)).satisfies(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.output()).contains("CONTENT_S3_ENDPOINT");
        });
    }

    record Run(int exitCode, String output) {}

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Run runMain(Map<String, String> env) throws Exception {
        Path log = Files.createTempFile("content-main-", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName());
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("the service did not stop by itself: " + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
