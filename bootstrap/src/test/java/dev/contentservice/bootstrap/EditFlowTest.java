package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.adapter.redis.RedisServerExtension;
import dev.contentservice.domain.contract.Fixtures;
import dev.contentservice.testfixtures.ProviderStub;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * Issue 13's "done when" for edits, on the service with an OpenAI-compatible provider (a stand-in on
 * loopback) and overlay text: generate three formats, choose trendy, edit the fancy headline; the edit is
 * an IMAGE_EDIT job that re-sets fancy in every format from the kept art without a provider call, and leaves
 * the other styles and the choice alone. On the embedded store and on Redis.
 */
class EditFlowTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final List<String> STYLES = List.of("simple", "fancy", "trendy");
    private static final Map<String, int[]> SIZES = Map.of(
            "square", new int[] {1080, 1080}, "portrait", new int[] {1080, 1350}, "story", new int[] {1080, 1920});

    private final ProviderStub provider = startProvider();
    private ContentService service;

    private static ProviderStub startProvider() {
        try {
            return ProviderStub.start(Duration.ofMillis(20));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        provider.close();
    }

    private void start(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "CONTENT_HTTP_PORT", "0",
                "CONTENT_IMAGEGEN_TEXT", "overlay",
                "CONTENT_IMAGEGEN_URL", provider.baseUrl(),
                "CONTENT_IMAGEGEN_API_KEY", "sk-test-0123456789",
                "CONTENT_IMAGEGEN_MODEL", "dall-e-2",
                "CONTENT_IMAGEGEN_FALLBACK", "none"));
        env.putAll(more);
        service = ContentService.start(ContentConfig.fromEnvironment(env, new Properties()));
    }

    @Test
    void an_edit_of_the_fancy_headline_on_the_embedded_store_re_sets_fancy_in_every_format_without_a_provider_call()
            throws Exception {
        start(Map.of());

        editFlow("sample-1");

        String metrics = get("/metrics").body();
        assertThat(metrics).containsPattern("(?m)^content_edit_duration_seconds_count 1(\\.0)?$");
        assertThat(metrics)
                .containsPattern("(?m)^content_job_duration_seconds_count\\{outcome=\"completed\"} 1(\\.0)?$");
    }

    @Test
    void an_edit_of_the_fancy_headline_on_redis_re_sets_fancy_and_keeps_the_choice_in_the_hash() throws Exception {
        String draft = "edit-" + System.nanoTime();
        try (RedisClient redis = RedisClient.create(REDIS.url())) {
            redis.set(
                    "ai:event:" + draft,
                    "{\"eventInfo\":{\"title\":\"봄맞이 이벤트\",\"storeName\":\"해피 베이커리\",\"prize\":\"아메리카노 1잔\"},"
                            + "\"selectedRecommendation\":{\"title\":\"딸기 크루아상 시식 이벤트\"}}");
            start(Map.of("CONTENT_REDIS_URL", REDIS.url()));

            String editJob = editFlow(draft);

            assertThat(redis.hget("content:image:" + draft, "selected")).isEqualTo("trendy");
            assertThat(redis.hget("job:" + editJob, "type")).isEqualTo("IMAGE_EDIT");
            assertThat(JSON.readTree(redis.hget("job:" + editJob, "edit"))
                            .get("text")
                            .get("headline")
                            .asText())
                    .isEqualTo("화려한 봄 축제 오픈");
            assertThat(redis.exists("content:inflight:" + draft)).isFalse();
        }
    }

    /** The whole flow on the running service; returns the edit's job id. */
    private String editFlow(String draft) throws Exception {
        JsonNode generated = awaitEnd(
                accepted(post(
                        "/api/content/images/" + draft + "/generate",
                        "{\"formats\":[\"square\",\"portrait\",\"story\"]}")),
                Duration.ofSeconds(60));
        assertThat(generated.get("status").asText()).as(generated.toString()).isEqualTo("COMPLETED");
        assertThat(provider.received()).isEqualTo(3);
        HttpResponse<String> chosen =
                send("PUT", "/api/content/images/" + draft + "/selection", "{\"style\":\"trendy\"}");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        JsonNode before = JSON.readTree(get("/api/content/images/" + draft).body());

        HttpResponse<String> answer = post(
                "/api/content/images/" + draft + "/edits",
                "{\"style\":\"fancy\",\"text\":{\"headline\":\"화려한 봄 축제 오픈\"}}");
        JsonNode edit = JSON.readTree(answer.body());
        JsonNode done = awaitEnd(edit.get("jobId").asText(), Duration.ofSeconds(30));
        JsonNode after = JSON.readTree(get("/api/content/images/" + draft).body());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.headers().firstValue("Location"))
                .contains("/api/content/jobs/" + edit.get("jobId").asText() + "/status");
        assertThat(edit.get("type").asText()).isEqualTo("IMAGE_EDIT");
        assertThat(edit.get("status").asText()).isEqualTo("PENDING");
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("type").asText()).isEqualTo("IMAGE_EDIT");
        assertThat(provider.received()).as("no provider call for the edit").isEqualTo(3);
        for (String format : SIZES.keySet()) {
            String oldFancy = before.get("formats").get(format).get("fancy").asText();
            String newFancy = after.get("formats").get(format).get("fancy").asText();
            assertThat(newFancy).as(format + " fancy").isNotEqualTo(oldFancy);
            assertThat(done.get("formats").get(format).get("fancy").asText()).isEqualTo(newFancy);
            byte[] oldBytes = download(oldFancy);
            byte[] newBytes = download(newFancy);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(newBytes));
            assertThat(decoded.getWidth()).as(format + " width").isEqualTo(SIZES.get(format)[0]);
            assertThat(decoded.getHeight()).as(format + " height").isEqualTo(SIZES.get(format)[1]);
            assertThat(newBytes).as(format + " fancy bytes").isNotEqualTo(oldBytes);
            for (String other : List.of("simple", "trendy")) {
                assertThat(after.get("formats").get(format).get(other))
                        .as(format + " " + other)
                        .isEqualTo(before.get("formats").get(format).get(other));
            }
        }
        assertThat(after.get("imageUrls").get("fancy"))
                .isEqualTo(after.get("formats").get("square").get("fancy"));
        assertThat(done.get("imageUrls")).isEqualTo(after.get("imageUrls"));
        for (String other : List.of("simple", "trendy")) {
            assertThat(after.get("imageUrls").get(other))
                    .isEqualTo(before.get("imageUrls").get(other));
        }
        assertThat(after.get("selected").asText()).isEqualTo("trendy");
        assertThat(after.get("jobId")).isEqualTo(before.get("jobId"));
        assertThat(after.has("editedAt")).isTrue();
        return edit.get("jobId").asText();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> image =
                CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).as(url).isEqualTo(200);
        return image.body();
    }

    private static String accepted(HttpResponse<String> answer) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).get("jobId").asText();
    }

    private JsonNode awaitEnd(String jobId, Duration within) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Fixtures.eventually(within, () -> {
            try {
                last.set(JSON.readTree(
                        get("/api/content/jobs/" + jobId + "/status").body()));
                return !last.get().get("status").asText().equals("PROCESSING");
            } catch (Exception e) {
                return false;
            }
        });
        return last.get();
    }
}
