package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Module;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.WebhookSigner;
import dev.contentservice.domain.contract.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generate body, signed webhooks and cancel on the running service (embedded default), over real
 * HTTP, with a real receiver (MockWebServer on loopback, so private addresses are allowed here).
 */
class WebhooksAndCancelTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<AutoCloseable> resources = new ArrayList<>();
    private MockWebServer receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new MockWebServer();
        receiver.start();
        resources.add(receiver);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private ContentService service(Map<String, String> extra, Module... overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("CONTENT_HTTP_PORT", "0");
        env.putAll(extra);
        ContentService service = ContentService.start(ContentConfig.fromEnvironment(env, new Properties()), overrides);
        resources.add(service);
        return service;
    }

    private ContentService withWebhooks(Module... overrides) {
        return service(Map.of("CONTENT_WEBHOOK_SECRET", SECRET, "CONTENT_WEBHOOK_ALLOW_PRIVATE", "true"), overrides);
    }

    static HttpResponse<String> send(ContentService via, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(via.baseUrl() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String hook() {
        return receiver.url("/hooks/content").toString();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static JsonNode statusOf(ContentService via, String jobId) throws Exception {
        return json(send(via, "GET", "/api/content/jobs/" + jobId + "/status", null));
    }

    /** Checks a received webhook as a receiver would with any Standard Webhooks library. */
    static boolean verifies(RecordedRequest request) {
        String id = request.getHeaders().get("webhook-id");
        long timestamp = Long.parseLong(request.getHeaders().get("webhook-timestamp"));
        return WebhookSigner.ofSecret(SECRET)
                .verifies(
                        id,
                        timestamp,
                        request.getBody().utf8(),
                        request.getHeaders().get("webhook-signature"));
    }

    @Test
    void a_receiver_answering_500_once_gets_the_signed_payload_again_with_the_same_webhook_id() throws Exception {
        ContentService service = withWebhooks();
        receiver.enqueue(new MockResponse.Builder().code(500).build());
        receiver.enqueue(new MockResponse.Builder().code(204).build());
        String body = "{\"webhook\":\"" + hook() + "\",\"metadata\":{\"orderId\":\"A-17\",\"메모\":\"봄 ☕\"}}";

        HttpResponse<String> accepted = send(service, "POST", "/api/content/images/sample-1/generate", body);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String jobId = json(accepted).get("jobId").asText();
        RecordedRequest first = receiver.takeRequest(30, TimeUnit.SECONDS);
        RecordedRequest second = receiver.takeRequest(30, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(second).as("the retry after the 500").isNotNull();
        assertThat(second.getHeaders().get("webhook-id"))
                .isEqualTo(first.getHeaders().get("webhook-id"))
                .startsWith("msg_");
        assertThat(verifies(first)).isTrue();
        assertThat(verifies(second)).isTrue();
        assertThat(second.getBody().utf8()).isEqualTo(first.getBody().utf8());
        JsonNode payload = JSON.readTree(second.getBody().utf8());
        assertThat(payload.get("type").asText()).isEqualTo("job.completed");
        assertThat(payload.get("timestamp").asText()).isNotBlank();
        assertThat(payload.at("/data/jobId").asText()).isEqualTo(jobId);
        assertThat(payload.at("/data/status").asText()).isEqualTo("COMPLETED");
        assertThat(payload.at("/data/imageUrls/simple").asText()).endsWith(".png");
        assertThat(payload.at("/data/metadata/orderId").asText()).isEqualTo("A-17");
        assertThat(payload.at("/data/metadata/메모").asText()).isEqualTo("봄 ☕");
        JsonNode status = statusOf(service, jobId);
        assertThat(status.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(status.get("metadata")).isEqualTo(payload.at("/data/metadata"));
    }

    @Test
    void a_webhook_to_loopback_is_refused_unless_private_addresses_are_allowed() throws Exception {
        ContentService strict = service(Map.of("CONTENT_WEBHOOK_SECRET", SECRET));
        String body = "{\"webhook\":\"http://127.0.0.1:9/hook\"}";

        HttpResponse<String> refused = send(strict, "POST", "/api/content/images/sample-1/generate", body);
        HttpResponse<String> metadataAddress = send(
                strict,
                "POST",
                "/api/content/images/sample-1/generate",
                "{\"webhook\":\"http://169.254.169.254/latest/meta-data/\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("code").asText()).isEqualTo("CONTENT_008");
        assertThat(metadataAddress.statusCode()).isEqualTo(400);
        ContentService lenient = withWebhooks();
        assertThat(send(lenient, "POST", "/api/content/images/sample-1/generate", body)
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void without_a_secret_a_body_naming_a_webhook_is_refused_and_the_rest_still_works() throws Exception {
        ContentService service = service(Map.of());

        HttpResponse<String> refused =
                send(service, "POST", "/api/content/images/sample-1/generate", "{\"webhook\":\"" + hook() + "\"}");
        HttpResponse<String> metadataOnly =
                send(service, "POST", "/api/content/images/sample-2/generate", "{\"metadata\":{\"ref\":7}}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("code").asText()).isEqualTo("CONTENT_009");
        assertThat(metadataOnly.statusCode()).isEqualTo(202);
        String jobId = json(metadataOnly).get("jobId").asText();
        assertThat(statusOf(service, jobId).at("/metadata/ref").asInt()).isEqualTo(7);
    }

    @Test
    void cancel_of_a_running_job_fails_it_stops_its_drawings_sends_its_webhook_and_frees_the_draft() throws Exception {
        List<CompletableFuture<GeneratedImage>> drawings = new CopyOnWriteArrayList<>();
        Module neverDone = binder -> binder.bind(ImageGenerator.class).toInstance(request -> {
            CompletableFuture<GeneratedImage> drawing = new CompletableFuture<>();
            drawings.add(drawing);
            return drawing;
        });
        ContentService service = withWebhooks(neverDone);
        receiver.enqueue(new MockResponse.Builder().code(200).build());
        String jobId = json(send(
                        service,
                        "POST",
                        "/api/content/images/sample-1/generate",
                        "{\"webhook\":\"" + hook() + "\",\"metadata\":{\"ref\":\"c-1\"}}"))
                .get("jobId")
                .asText();
        assertThat(Fixtures.eventually(Duration.ofSeconds(10), () -> drawings.size() == 3))
                .as("the three styles are being drawn")
                .isTrue();

        HttpResponse<String> canceled = send(service, "DELETE", "/api/content/jobs/" + jobId, null);

        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
        JsonNode body = json(canceled);
        assertThat(body.get("status").asText()).isEqualTo("FAILED");
        assertThat(body.get("error").asText()).isEqualTo("이미지 생성 실패");
        assertThat(body.get("message").asText()).isEqualTo("다시 시도해주세요");
        assertThat(body.at("/reason/code").asText()).isEqualTo("JOB_CANCELED");
        assertThat(Fixtures.eventually(
                        Duration.ofSeconds(10), () -> drawings.stream().allMatch(CompletableFuture::isCancelled)))
                .as("the provider calls are cancelled")
                .isTrue();
        assertThat(statusOf(service, jobId).at("/reason/code").asText()).isEqualTo("JOB_CANCELED");
        RecordedRequest webhook = receiver.takeRequest(30, TimeUnit.SECONDS);
        assertThat(webhook).isNotNull();
        assertThat(verifies(webhook)).isTrue();
        JsonNode payload = JSON.readTree(webhook.getBody().utf8());
        assertThat(payload.get("type").asText()).isEqualTo("job.failed");
        assertThat(payload.at("/data/reason/code").asText()).isEqualTo("JOB_CANCELED");
        assertThat(payload.at("/data/metadata/ref").asText()).isEqualTo("c-1");

        HttpResponse<String> again = send(service, "DELETE", "/api/content/jobs/" + jobId, null);
        HttpResponse<String> unknown =
                send(service, "DELETE", "/api/content/jobs/00000000-0000-4000-8000-000000000000", null);
        HttpResponse<String> malformed = send(service, "DELETE", "/api/content/jobs/not-a-job", null);
        HttpResponse<String> regenerated = send(service, "POST", "/api/content/images/sample-1/generate", null);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("code").asText()).isEqualTo("JOB_002");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asText()).isEqualTo("JOB_001");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(json(malformed).get("code").asText()).isEqualTo("JOB_001");
        assertThat(regenerated.statusCode()).isEqualTo(202);
        assertThat(json(regenerated).get("jobId").asText()).isNotEqualTo(jobId);
    }
}
