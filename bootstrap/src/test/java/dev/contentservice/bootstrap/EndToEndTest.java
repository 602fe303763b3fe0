package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed's whole flow on the embedded default, over real HTTP, as the README's start command runs it. */
class EndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ContentService service;

    @BeforeAll
    static void start() {
        service = ContentService.start(ContentConfig.embedded());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sample_draft_goes_from_202_to_three_different_downloadable_pngs() throws Exception {
        HttpResponse<String> accepted = send("POST", "/api/content/images/sample-1/generate");

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(accepted.body());
        String jobId = body.get("jobId").asText();
        assertThat(body.get("status").asText()).isEqualTo("PENDING");
        assertThat(body.get("message").asText()).isEqualTo("이미지 생성 중입니다");
        assertThat(accepted.headers().firstValue("Location")).contains("/api/content/jobs/" + jobId + "/status");
        assertThat(accepted.headers().firstValue("Retry-After")).contains("2");

        JsonNode status = null;
        for (int poll = 0; poll < 150; poll++) {
            status = JSON.readTree(
                    send("GET", "/api/content/jobs/" + jobId + "/status").body());
            if (!status.get("status").asText().equals("PROCESSING")) {
                break;
            }
            Thread.sleep(200);
        }

        assertThat(status.get("status").asText()).isEqualTo("COMPLETED");
        Set<String> distinct = new HashSet<>();
        for (String style : new String[] {"simple", "fancy", "trendy"}) {
            String url = status.get("imageUrls").get(style).asText();
            assertThat(url).startsWith(service.baseUrl() + "/api/content/images/files/");
            HttpResponse<byte[]> image = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body()));
            assertThat(decoded.getWidth()).isGreaterThanOrEqualTo(1024);
            assertThat(decoded.getHeight()).isGreaterThanOrEqualTo(1024);
            distinct.add(java.util.Arrays.toString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(image.body())));
        }
        assertThat(distinct).hasSize(3);
    }

    @Test
    void unknown_draft_is_404_content_001() throws Exception {
        HttpResponse<String> response = send("POST", "/api/content/images/no-such-draft/generate");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()))
                .isEqualTo(JSON.readTree("{\"code\":\"CONTENT_001\",\"message\":\"AI 추천을 먼저 선택해주세요\"}"));
    }

    @Test
    void bad_draft_id_is_400_content_002() throws Exception {
        HttpResponse<String> response = send("POST", "/api/content/images/bad*id/generate");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("CONTENT_002");
    }

    @Test
    void unknown_or_malformed_job_is_404_job_001() throws Exception {
        for (String id : new String[] {"0f8fad5b-d9cb-469f-a165-70867728950e", "not-a-uuid"}) {
            HttpResponse<String> response = send("GET", "/api/content/jobs/" + id + "/status");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(response.body()))
                    .isEqualTo(JSON.readTree("{\"code\":\"JOB_001\",\"message\":\"Job을 찾을 수 없습니다\"}"));
        }
    }

    @Test
    void unknown_route_is_404_json() throws Exception {
        HttpResponse<String> response = send("GET", "/no/such/route");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).has("code")).isTrue();
    }

    @Test
    void health_and_metrics_answer() throws Exception {
        assertThat(send("GET", "/health/live").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/health/ready").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = send("GET", "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("content_jobs_accepted_total", "content_job_duration_seconds_count{outcome=\"completed\"}");
    }
}
