package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.adapter.redis.RedisServerExtension;
import dev.contentservice.domain.contract.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** Redis down: 503 JSON within bounded time and an unready probe; Redis back: works again, no restart. */
class RedisOutageTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private ContentService service;

    @BeforeEach
    void start() {
        service = ContentService.start(
                ContentConfig.embedded().withRedisUrl(REDIS.url()).withLease(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        service.close();
        if (!REDIS.isRunning()) {
            REDIS.start();
        }
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void storeRecommendation(String draft) {
        try (RedisClient redis = RedisClient.create(REDIS.url())) {
            redis.set("ai:event:" + draft, "{\"selectedRecommendation\":{\"title\":\"여름 이벤트\"}}");
        }
    }

    @Test
    void redis_down_answers_503_and_unready_then_recovers_without_restart() throws Exception {
        storeRecommendation("outage-1");
        REDIS.stop();

        HttpResponse<String> refused = send("POST", "/api/content/images/outage-1/generate");
        HttpResponse<String> ready = send("GET", "/health/ready");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("STORE_UNAVAILABLE");
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at redis.");
        assertThat(ready.statusCode()).isEqualTo(503);

        REDIS.start();
        storeRecommendation("outage-1");

        assertThat(Fixtures.eventually(Duration.ofSeconds(10), () -> {
                    try {
                        return send("GET", "/health/ready").statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                }))
                .isTrue();
        HttpResponse<String> accepted = send("POST", "/api/content/images/outage-1/generate");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String jobId = JSON.readTree(accepted.body()).get("jobId").asText();
        assertThat(Fixtures.eventually(Duration.ofSeconds(30), () -> {
                    try {
                        return send("GET", "/api/content/jobs/" + jobId + "/status")
                                .body()
                                .contains("COMPLETED");
                    } catch (Exception e) {
                        return false;
                    }
                }))
                .isTrue();
    }

    @Test
    void a_job_accepted_just_before_redis_stops_answering_is_completed_once_it_answers_again() throws Exception {
        storeRecommendation("outage-2");
        HttpResponse<String> accepted = send("POST", "/api/content/images/outage-2/generate");
        String jobId = JSON.readTree(accepted.body()).get("jobId").asText();

        // Redis stops answering (every client's commands wait) without losing its data: the worker
        // meets timeouts while it works, and the API answers 503 meanwhile
        try (RedisClient admin = RedisClient.create(REDIS.url())) {
            admin.sendCommand(redis.clients.jedis.Protocol.Command.CLIENT, "PAUSE", "4000", "ALL");
        }
        HttpResponse<String> during = send("GET", "/api/content/jobs/" + jobId + "/status");

        assertThat(during.statusCode()).isIn(200, 503);
        assertThat(Fixtures.eventually(Duration.ofSeconds(40), () -> {
                    try {
                        return send("GET", "/api/content/jobs/" + jobId + "/status")
                                .body()
                                .contains("COMPLETED");
                    } catch (Exception e) {
                        return false;
                    }
                }))
                .isTrue();
        try (RedisClient redis = RedisClient.create(REDIS.url())) {
            assertThat(redis.hget("job:" + jobId, "status")).isEqualTo("COMPLETED");
            assertThat(redis.hgetAll("content:image:outage-2")).containsKeys("simple", "fancy", "trendy", "jobId");
            assertThat(redis.hget("content:image:outage-2", "jobId")).isEqualTo(jobId);
        }
    }
}
