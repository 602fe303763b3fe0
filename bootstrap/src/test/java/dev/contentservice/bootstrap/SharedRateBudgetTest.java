package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.adapter.redis.RedisServerExtension;
import dev.contentservice.domain.contract.Fixtures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * Two service instances on one real Redis share CONTENT_IMAGEGEN_RATE_PER_MINUTE and a 429's pause. Judged from
 * the provider's own record of when each request arrived, with a burst margin, never from sleeps.
 */
class SharedRateBudgetTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final MockWebServer provider = new MockWebServer();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseRequestNumber = new AtomicInteger(-1);
    private final AtomicLong refusedAt = new AtomicLong();
    private final List<ContentService> services = new ArrayList<>();
    private RedisClient redis;

    @BeforeEach
    void startProvider() throws Exception {
        String answer = "{\"created\":1700000000,\"data\":[{\"b64_json\":\""
                + Base64.getEncoder().encodeToString(png()) + "\"}]}";
        provider.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                long now = System.nanoTime();
                arrivals.add(now);
                if (arrivals.size() == refuseRequestNumber.get()) {
                    refusedAt.set(now);
                    return new MockResponse.Builder()
                            .code(429)
                            .setHeader("Retry-After", "4")
                            .setHeader("Content-Type", "application/json")
                            .body("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}")
                            .build();
                }
                return new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "application/json")
                        .body(answer)
                        .build();
            }
        });
        provider.start();
        redis = RedisClient.create(REDIS.url());
    }

    @AfterEach
    void stopAll() {
        services.forEach(ContentService::close);
        provider.close();
        redis.close();
    }

    private ContentService instance() {
        Map<String, String> env = new HashMap<>();
        env.put("CONTENT_HTTP_PORT", "0");
        env.put("CONTENT_REDIS_URL", REDIS.url());
        env.put("CONTENT_IMAGEGEN_URL", provider.url("/v1").toString());
        env.put("CONTENT_IMAGEGEN_API_KEY", "sk-test-rate-0123456789");
        env.put("CONTENT_IMAGEGEN_MODEL", "dall-e-2");
        env.put("CONTENT_IMAGEGEN_RATE_PER_MINUTE", "120");
        env.put("CONTENT_IMAGEGEN_MAX_RETRIES", "3");
        ContentService service = ContentService.start(ContentConfig.fromEnvironment(env, new Properties()));
        services.add(service);
        return service;
    }

    private String draft(int n) {
        String draft = "rate-" + n + "-" + System.nanoTime();
        redis.set(
                "ai:event:" + draft,
                "{\"eventInfo\":{\"title\":\"봄맞이 이벤트 " + n + "\",\"storeName\":\"해피 베이커리\"},"
                        + "\"selectedRecommendation\":{\"title\":\"딸기 크루아상 시식 " + n + "\"}}");
        return draft;
    }

    private static String generate(ContentService via, String draft) throws Exception {
        HttpResponse<String> accepted = CLIENT.send(
                HttpRequest.newBuilder(URI.create(via.baseUrl() + "/api/content/images/" + draft + "/generate"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        return JSON.readTree(accepted.body()).get("jobId").asText();
    }

    private static String status(ContentService via, String jobId) {
        try {
            return JSON.readTree(CLIENT.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    via.baseUrl() + "/api/content/jobs/" + jobId + "/status"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .get("status")
                    .asText();
        } catch (Exception e) {
            return "UNREACHABLE";
        }
    }

    private void runJobs(int count) throws Exception {
        ContentService a = instance();
        ContentService b = instance();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(generate(i % 2 == 0 ? a : b, draft(i)));
        }
        assertThat(Fixtures.eventually(
                        Duration.ofSeconds(90),
                        () -> jobs.stream().allMatch(id -> status(a, id).equals("COMPLETED"))))
                .as("every job completes")
                .isTrue();
    }

    /** The most requests the provider saw within any one second. */
    private int busiestSecond() {
        List<Long> sorted = arrivals.stream().sorted().toList();
        int most = 0;
        for (int i = 0; i < sorted.size(); i++) {
            int inWindow = 0;
            for (int j = i; j < sorted.size() && sorted.get(j) - sorted.get(i) < TimeUnit.SECONDS.toNanos(1); j++) {
                inWindow++;
            }
            most = Math.max(most, inWindow);
        }
        return most;
    }

    @Test
    void two_instances_at_120_a_minute_never_send_more_than_about_two_calls_a_second_together() throws Exception {
        runJobs(6);

        assertThat(arrivals).hasSize(18);
        // two a second, plus one for a window that holds both of its edges
        assertThat(busiestSecond()).isLessThanOrEqualTo(3);
    }

    @Test
    void a_429_with_retry_after_4_seen_by_one_instance_keeps_both_quiet_for_4_seconds() throws Exception {
        refuseRequestNumber.set(3);

        runJobs(4);

        long refused = refusedAt.get();
        assertThat(refused).isPositive();
        List<Long> later = arrivals.stream().filter(t -> t > refused).toList();
        assertThat(later).as("the 429 was followed by more calls").isNotEmpty();
        long firstAfter = later.stream().min(Long::compare).orElseThrow();
        // the pause starts when an instance reads the 429, a moment after the provider sent it
        assertThat(Duration.ofNanos(firstAfter - refused)).isGreaterThanOrEqualTo(Duration.ofMillis(3_900));
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.CYAN);
        g.fillRect(0, 0, 8, 8);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
