package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.adapter.redis.RedisServerExtension;
import dev.contentservice.domain.contract.Fixtures;
import dev.contentservice.testfixtures.ProviderStub;
import dev.contentservice.testfixtures.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * Cancel and webhooks across real service processes on one real Redis: a cancel sent to one instance
 * stops the job on the instance drawing it, and a webhook owed by an instance that is SIGKILLed is
 * delivered by another.
 */
class IntegrationsAcrossInstancesTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private RedisClient redis;
    private MockWebServer receiver;

    @BeforeEach
    void setUp() throws IOException {
        redis = RedisClient.create(REDIS.url());
        receiver = new MockWebServer();
        receiver.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        receiver.close();
        redis.close();
    }

    private ServiceProcess instance(String name, ProviderStub provider) {
        ServiceProcess process = ServiceProcess.java(
                name + "-" + System.nanoTime(),
                List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()),
                environment(provider),
                Path.of("target", "instances"));
        resources.add(process);
        return process;
    }

    private Map<String, String> environment(ProviderStub provider) {
        Map<String, String> env = new HashMap<>();
        env.put("CONTENT_REDIS_URL", REDIS.url());
        env.put("CONTENT_IMAGEGEN_URL", provider.baseUrl());
        env.put("CONTENT_IMAGEGEN_API_KEY", "test-key");
        env.put("CONTENT_IMAGEGEN_MODEL", "dall-e-2");
        env.put("CONTENT_WEBHOOK_SECRET", WebhooksAndCancelTest.SECRET);
        env.put("CONTENT_WEBHOOK_ALLOW_PRIVATE", "true");
        env.put("CONTENT_WEBHOOK_TIMEOUT_SECONDS", "3");
        return env;
    }

    private ProviderStub provider(Duration delay) throws IOException {
        ProviderStub provider = ProviderStub.start(delay);
        resources.add(provider);
        return provider;
    }

    private String aiRecommendation() {
        String draft = "integrations-" + System.nanoTime();
        redis.set(
                "ai:event:" + draft,
                "{\"eventInfo\":{\"title\":\"봄맞이 이벤트\",\"storeName\":\"해피 베이커리\"},"
                        + "\"selectedRecommendation\":{\"title\":\"딸기 크루아상 시식\"}}");
        return draft;
    }

    private static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    @Test
    void delete_on_one_instance_fails_the_job_drawn_on_another_and_stops_its_provider_calls() throws Exception {
        ProviderStub slow = provider(Duration.ofSeconds(120));
        ServiceProcess a = instance("drawing", slow);
        String draft = aiRecommendation();
        String jobId = json(a.post("/api/content/images/" + draft + "/generate").body())
                .get("jobId")
                .asText();
        assertThat(Fixtures.eventually(
                        Duration.ofSeconds(20), () -> "PROCESSING".equals(redis.hget("job:" + jobId, "status"))))
                .isTrue();
        ServiceProcess b = instance("canceling", slow);

        var canceled = b.delete("/api/content/jobs/" + jobId);

        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
        assertThat(json(canceled.body()).at("/reason/code").asText()).isEqualTo("JOB_CANCELED");
        assertThat(json(a.get("/api/content/jobs/" + jobId + "/status").body())
                        .at("/reason/code")
                        .asText())
                .isEqualTo("JOB_CANCELED");
        assertThat(Fixtures.eventually(
                        Duration.ofSeconds(10),
                        () -> a.logText().contains("ended elsewhere, its drawings are cancelled")))
                .as("the drawing instance learns of the cancel and stops its provider calls")
                .isTrue();
        assertThat(a.post("/api/content/images/" + draft + "/generate").statusCode())
                .as("the draft can be generated again at once")
                .isEqualTo(202);
    }

    @Test
    void a_webhook_owed_by_a_sigkilled_instance_is_delivered_by_another() throws Exception {
        ProviderStub quick = provider(Duration.ofMillis(50));
        // the first attempt gets no answer: the instance dies while it waits
        receiver.enqueue(new MockResponse.Builder()
                .headersDelay(60, TimeUnit.SECONDS)
                .code(200)
                .build());
        receiver.enqueue(new MockResponse.Builder().code(200).build());
        ServiceProcess dying = instance("dying", quick);
        String body = "{\"webhook\":\"" + receiver.url("/hook") + "\",\"metadata\":{\"ref\":\"k-9\"}}";
        String jobId = json(dying.post("/api/content/images/" + aiRecommendation() + "/generate", body)
                        .body())
                .get("jobId")
                .asText();
        RecordedRequest first = receiver.takeRequest(30, TimeUnit.SECONDS);
        assertThat(first).as("the first attempt reached the receiver").isNotNull();

        dying.kill();
        instance("survivor", quick);

        RecordedRequest second = receiver.takeRequest(60, TimeUnit.SECONDS);
        assertThat(second).as("the other instance delivered it").isNotNull();
        assertThat(second.getHeaders().get("webhook-id"))
                .isEqualTo(first.getHeaders().get("webhook-id"));
        assertThat(WebhooksAndCancelTest.verifies(second)).isTrue();
        JsonNode payload = JSON.readTree(second.getBody().utf8());
        assertThat(payload.at("/data/jobId").asText()).isEqualTo(jobId);
        assertThat(payload.at("/data/status").asText()).isEqualTo("COMPLETED");
        assertThat(payload.at("/data/metadata/ref").asText()).isEqualTo("k-9");
        assertThat(Fixtures.eventually(Duration.ofSeconds(10), () -> !redis.exists("content:webhook:" + jobId)))
                .as("a delivered webhook is forgotten")
                .isTrue();
    }
}
