package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Module;
import dev.contentservice.adapter.redis.RedisServerExtension;
import dev.contentservice.application.AwaitJobStatus;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.contract.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * Two service instances on one real Redis: a job finished by instance A wakes a long-poll waiting on
 * instance B (which does no work of its own), through the job-changes channel; a change that publishes
 * nothing is still found by B's periodic re-check.
 */
class WaitingAcrossInstancesTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    private final List<ContentService> services = new ArrayList<>();
    private RedisClient redis;

    @BeforeEach
    void setUp() {
        redis = RedisClient.create(REDIS.url());
    }

    @AfterEach
    void tearDown() {
        services.forEach(ContentService::close);
        redis.close();
    }

    /** An instance that draws instantly (a stand-in generator), so that the test measures waiting, not drawing. */
    private ContentService worker() {
        Module instant = binder -> binder.bind(ImageGenerator.class)
                .toInstance(request -> CompletableFuture.completedFuture(new GeneratedImage(PNG, "image/png", "stub")));
        return start(instant);
    }

    /** Whether a client comes to wait on the instance (a long-poll or an event stream), within a generous limit. */
    private static boolean waitingOn(ContentService instance) {
        AwaitJobStatus awaits = instance.instance(AwaitJobStatus.class);
        return Fixtures.eventually(Duration.ofSeconds(10), () -> awaits.waiters() > 0);
    }

    /** An instance that serves HTTP but claims no job, so every job it reports was finished elsewhere. */
    private ContentService idle() {
        JobQueue nothing = new JobQueue() {
            @Override
            public Optional<Claim> claim(Duration timeout) throws InterruptedException {
                Thread.sleep(timeout.toMillis());
                return Optional.empty();
            }

            @Override
            public void renew(Claim claim) {}

            @Override
            public void complete(Claim claim) {}

            @Override
            public void release(Claim claim) {}
        };
        return start(binder -> binder.bind(JobQueue.class).toInstance(nothing));
    }

    private ContentService start(Module override) {
        ContentService service = ContentService.start(ContentConfig.embedded().withRedisUrl(REDIS.url()), override);
        services.add(service);
        return service;
    }

    private String aiRecommendation() {
        String draft = "wait-" + System.nanoTime();
        redis.set(
                "ai:event:" + draft,
                "{\"eventInfo\":{\"title\":\"봄맞이 이벤트\"},\"selectedRecommendation\":{\"title\":\"딸기 크루아상\"}}");
        return draft;
    }

    private static HttpResponse<String> send(ContentService via, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(via.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(40))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> longPoll(ContentService via, String jobId) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(via.baseUrl() + "/api/content/jobs/" + jobId + "/status?wait=30"))
                .timeout(Duration.ofSeconds(40))
                .build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String jobIdOf(HttpResponse<String> accepted) throws Exception {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).get("jobId").asText();
    }

    @Test
    void a_job_finished_by_one_instance_wakes_a_long_poll_on_the_other_and_latency_is_reported() throws Exception {
        ContentService b = idle();
        // b accepts the job, a (started afterwards, so the job waits in the queue) draws it
        String first = jobIdOf(send(b, "POST", "/api/content/images/" + aiRecommendation() + "/generate"));
        CompletableFuture<HttpResponse<String>> waiting = longPoll(b, first);
        ContentService a = worker();

        HttpResponse<String> answer = waiting.get(10, TimeUnit.SECONDS);

        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(body.get("generator").asText()).isEqualTo("stub");

        List<Long> micros = new ArrayList<>();
        for (int run = 0; run < 50; run++) {
            String jobId = jobIdOf(send(b, "POST", "/api/content/images/" + aiRecommendation() + "/generate"));
            HttpResponse<String> done = longPoll(b, jobId).get(10, TimeUnit.SECONDS);
            long answeredAt = System.currentTimeMillis() * 1000;

            assertThat(JSON.readTree(done.body()).get("status").asText()).isEqualTo("COMPLETED");
            Instant completedAt = Instant.parse(redis.hget("job:" + jobId, "updatedAt"));
            micros.add(answeredAt - (completedAt.getEpochSecond() * 1_000_000 + completedAt.getNano() / 1000));
        }
        Collections.sort(micros);
        System.out.printf(
                "cross-instance long-poll wake-up (COMPLETED written by A -> answer received from B), 50 runs:"
                        + " p50 %.1f ms, p99 %.1f ms (ms clock resolution)%n",
                micros.get(25) / 1000.0, micros.get(49) / 1000.0);
        assertThat(a).isNotNull();
    }

    @Test
    void a_change_that_publishes_nothing_is_found_by_the_periodic_recheck() throws Exception {
        ContentService b = idle();
        String jobId = jobIdOf(send(b, "POST", "/api/content/images/" + aiRecommendation() + "/generate"));
        CompletableFuture<HttpResponse<String>> waiting = longPoll(b, jobId);
        assertThat(waitingOn(b)).as("the long-poll waits on b").isTrue();
        assertThat(waiting).isNotDone();

        // another writer fails the job behind the service's back: no script, no notice
        redis.set("job:" + jobId + ":error", "lost in the mail");
        redis.hset("job:" + jobId, java.util.Map.of("status", "FAILED", "errorCode", "TEST_LOST"));

        HttpResponse<String> answer = waiting.get(10, TimeUnit.SECONDS);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("status").asText()).isEqualTo("FAILED");
        assertThat(body.get("reason").get("code").asText()).isEqualTo("TEST_LOST");
    }

    @Test
    void server_sent_events_on_one_instance_follow_a_job_drawn_by_the_other() throws Exception {
        ContentService b = idle();
        String jobId = jobIdOf(send(b, "POST", "/api/content/images/" + aiRecommendation() + "/generate"));
        CompletableFuture<HttpResponse<String>> stream = CLIENT.sendAsync(
                HttpRequest.newBuilder(URI.create(b.baseUrl() + "/api/content/jobs/" + jobId + "/events"))
                        .timeout(Duration.ofSeconds(40))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(waitingOn(b)).as("the event stream watches on b").isTrue();

        worker();

        String events = stream.get(10, TimeUnit.SECONDS).body();
        assertThat(events).startsWith("retry: 2000\n\nid: 1\nevent: pending\n");
        assertThat(events).contains("event: completed\n").contains("\"imageUrls\"");
    }
}
