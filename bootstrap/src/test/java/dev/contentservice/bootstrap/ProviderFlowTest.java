package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.domain.contract.Fixtures;
import dev.contentservice.testfixtures.ProviderStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service pointed at an OpenAI-compatible provider (a stand-in on loopback). */
class ProviderFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String KEY = "sk-test-never-shown-0123456789";

    private final ProviderStub provider = startProvider();
    private ContentService service;

    private static ProviderStub startProvider() {
        try {
            return ProviderStub.start(Duration.ofMillis(50));
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

    private void start(String fallback) {
        start(fallback, "overlay");
    }

    private void start(String fallback, String text) {
        service = ContentService.start(ContentConfig.fromEnvironment(
                Map.of(
                        "CONTENT_HTTP_PORT", "0",
                        "CONTENT_IMAGEGEN_TEXT", text,
                        "CONTENT_IMAGEGEN_URL", provider.baseUrl(),
                        "CONTENT_IMAGEGEN_API_KEY", KEY,
                        "CONTENT_IMAGEGEN_MODEL", "dall-e-2",
                        "CONTENT_IMAGEGEN_MAX_RETRIES", "1",
                        "CONTENT_IMAGEGEN_BREAKER_MIN_CALLS", "1",
                        "CONTENT_IMAGEGEN_BREAKER_OPEN_SECONDS", "60",
                        "CONTENT_IMAGEGEN_FALLBACK", fallback),
                new Properties()));
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String generate(String draft) throws Exception {
        return generate(draft, HttpRequest.BodyPublishers.noBody());
    }

    private String generate(String draft, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(service.baseUrl() + "/api/content/images/" + draft + "/generate"))
                .POST(body);
        if (body.contentLength() != 0) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> accepted = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        return JSON.readTree(accepted.body()).get("jobId").asText();
    }

    private JsonNode awaitEnd(String jobId, Duration within) throws Exception {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Fixtures.eventually(within, () -> {
            try {
                last.set(JSON.readTree(get(service.baseUrl() + "/api/content/jobs/" + jobId + "/status")
                        .body()));
                return !last.get().get("status").asText().equals("PROCESSING");
            } catch (Exception e) {
                return false;
            }
        });
        return last.get();
    }

    @Test
    void with_text_by_the_provider_images_are_the_providers_bytes_and_still_download_after_the_provider_is_gone()
            throws Exception {
        start("none", "provider");

        JsonNode done = awaitEnd(generate("sample-1"), Duration.ofSeconds(30));
        provider.close();

        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("generator").asText()).isEqualTo("http:dall-e-2");
        for (String style : new String[] {"simple", "fancy", "trendy"}) {
            HttpResponse<byte[]> image = get(done.get("imageUrls").get(style).asText());
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.body()).isEqualTo(provider.image());
        }
        assertThat(provider.authorizations()).hasSize(3).containsOnly("Bearer " + KEY);
        assertThat(done.toString()).doesNotContain(KEY);
    }

    @Test
    void three_formats_are_nine_posters_of_the_right_sizes_from_three_provider_calls() throws Exception {
        start("none");

        JsonNode done = awaitEnd(
                generate(
                        "sample-1",
                        HttpRequest.BodyPublishers.ofString("{\"formats\":[\"square\",\"portrait\",\"story\"]}")),
                Duration.ofSeconds(30));
        provider.close();

        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("generator").asText()).isEqualTo("http:dall-e-2+local");
        assertThat(provider.received()).isEqualTo(3);
        Map<String, int[]> sizes = Map.of(
                "square", new int[] {1080, 1080}, "portrait", new int[] {1080, 1350}, "story", new int[] {1080, 1920});
        java.util.Set<String> urls = new java.util.HashSet<>();
        for (Map.Entry<String, int[]> format : sizes.entrySet()) {
            for (String style : new String[] {"simple", "fancy", "trendy"}) {
                String url = done.get("formats").get(format.getKey()).get(style).asText();
                urls.add(url);
                HttpResponse<byte[]> image = get(url);
                assertThat(image.statusCode()).isEqualTo(200);
                java.awt.image.BufferedImage decoded =
                        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image.body()));
                assertThat(decoded.getWidth())
                        .as("%s %s width", format.getKey(), style)
                        .isEqualTo(format.getValue()[0]);
                assertThat(decoded.getHeight())
                        .as("%s %s height", format.getKey(), style)
                        .isEqualTo(format.getValue()[1]);
            }
        }
        assertThat(urls).hasSize(9);
        for (String style : new String[] {"simple", "fancy", "trendy"}) {
            assertThat(done.get("imageUrls").get(style).asText())
                    .isEqualTo(done.get("formats").get("square").get(style).asText());
        }
    }

    @Test
    void a_provider_that_always_fails_ends_the_job_failed_and_the_open_circuit_fails_the_next_job_fast()
            throws Exception {
        start("none");
        provider.failWith(500);

        JsonNode failed = awaitEnd(generate("sample-1"), Duration.ofSeconds(60));
        // the job ends with its first failed style; wait until its other calls have settled too
        Fixtures.eventually(Duration.ofSeconds(30), () -> {
            try {
                JsonNode imagegen = JSON.readTree(
                                get(service.baseUrl() + "/health/ready").body())
                        .get("detail")
                        .get("imagegen");
                return imagegen.get("calls").asLong() >= 3
                        && imagegen.get("inFlight").asInt() == 0;
            } catch (Exception e) {
                return false;
            }
        });
        long requestsBefore = provider.received();
        JsonNode next = awaitEnd(generate("sample-2"), Duration.ofSeconds(10));

        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).isEqualTo("이미지 생성 실패");
        assertThat(failed.get("message").asText()).isEqualTo("다시 시도해주세요");
        assertThat(failed.get("reason").get("code").asText()).isEqualTo("IMAGEGEN_UNAVAILABLE");
        assertThat(next.get("status").asText()).isEqualTo("FAILED");
        assertThat(provider.received()).isEqualTo(requestsBefore); // the open circuit did not call out
        assertThat(failed.toString() + next).doesNotContain(KEY);
        JsonNode ready = JSON.readTree(get(service.baseUrl() + "/health/ready").body());
        assertThat(ready.get("detail").get("imagegen").get("breaker").asText()).isEqualTo("open");
        assertThat(ready.get("detail").get("imagegen").get("fastFailures").asLong())
                .isPositive();
        String metrics =
                new String(get(service.baseUrl() + "/metrics").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(metrics).contains("content_imagegen_breaker_state{state=\"open\"} 1.0");
    }

    @Test
    void a_provider_that_restarts_between_two_jobs_and_then_answers_two_500s_does_not_fail_the_job() throws Exception {
        start("none");
        assertThat(awaitEnd(generate("sample-1"), Duration.ofSeconds(30))
                        .get("status")
                        .asText())
                .isEqualTo("COMPLETED");
        provider.restart();
        provider.failNext(2);

        JsonNode done = awaitEnd(generate("sample-2"), Duration.ofSeconds(60));

        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("generator").asText()).isEqualTo("http:dall-e-2+local");
    }

    @Test
    void the_provider_failure_reason_is_a_fixed_korean_sentence_without_provider_text() throws Exception {
        start("none");
        provider.failWith(500);

        JsonNode failed = awaitEnd(generate("sample-1"), Duration.ofSeconds(60));

        assertThat(failed.get("reason").get("detail").asText()).isEqualTo("이미지를 만드는 서비스가 잠시 응답하지 않았어요.");
        assertThat(failed.toString()).doesNotContain("overloaded").doesNotContain("HTTP 500");
    }

    @Test
    void with_the_local_fallback_an_unavailable_provider_still_yields_three_images() throws Exception {
        start("local");
        provider.failWith(503);

        JsonNode done = awaitEnd(generate("sample-3"), Duration.ofSeconds(60));

        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("generator").asText()).isEqualTo("local");
    }
}
