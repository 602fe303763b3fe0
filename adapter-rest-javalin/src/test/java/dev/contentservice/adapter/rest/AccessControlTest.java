package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API keys over real HTTP: {@code CONTENT_API_KEYS=a,b}. */
class AccessControlTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String GENERATE = "/api/content/images/sample-1/generate";

    private RunningServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private RunningServer withKeys(boolean protectOperations) {
        server = new RunningServer(
                HttpSettings.onPort(0).withHost("127.0.0.1").withApiKeys(List.of("a", "b"), protectOperations));
        server.recommendations.store("sample-1");
        return server;
    }

    private RunningServer.Answer post(String path, String... headers) {
        return server.send(
                java.net.http.HttpRequest.newBuilder(server.uri(path))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                        .headers(headers.length == 0 ? new String[] {"X-Test", "1"} : headers),
                "POST " + path);
    }

    @Test
    void a_request_without_a_key_is_refused_with_401_unauthorized() {
        withKeys(false);

        RunningServer.Answer answer = server.post(GENERATE);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json()).containsEntry("code", "UNAUTHORIZED").containsKey("message");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void a_wrong_key_is_refused_with_401() {
        withKeys(false);

        assertThat(post(GENERATE, "Authorization", "Bearer c").status()).isEqualTo(401);
        assertThat(post(GENERATE, "Authorization", "Bearer ab").status()).isEqualTo(401);
        assertThat(post(GENERATE, "Authorization", "Basic YjpiCg==").status()).isEqualTo(401);
        assertThat(post(GENERATE, "Authorization", "b").status()).isEqualTo(401);
    }

    @Test
    void the_second_key_is_accepted() {
        withKeys(false);

        RunningServer.Answer answer = post(GENERATE, "Authorization", "Bearer b");

        assertThat(answer.status()).isEqualTo(202);
    }

    @Test
    void reading_a_status_needs_a_key_too() {
        withKeys(false);
        String status = "/api/content/jobs/" + JobId.random() + "/status";

        assertThat(server.get(status).status()).isEqualTo(401);
        assertThat(server.get(status, TIMEOUT, "Authorization", "Bearer a").status())
                .isEqualTo(404);
    }

    @Test
    void hosted_image_files_stay_open_because_img_tags_cannot_send_a_key() {
        withKeys(false);
        ImageFileName name = ImageFileName.of(JobId.random(), ImageStyle.SIMPLE, ImageFormat.PNG);
        server.images.put(name, new GeneratedImage(new byte[] {1, 2, 3}, "image/png", "local"));

        assertThat(server.get("/api/content/images/files/" + name).status()).isEqualTo(200);
    }

    @Test
    void health_metrics_and_the_description_stay_open_by_default() {
        withKeys(false);

        assertThat(server.get("/health/live").status()).isEqualTo(200);
        assertThat(server.get("/health/ready").status()).isEqualTo(200);
        assertThat(server.get("/metrics").status()).isEqualTo(200);
        assertThat(server.get("/openapi.yaml").status()).isEqualTo(200);
    }

    @Test
    void operations_endpoints_require_a_key_when_asked_to() {
        withKeys(true);

        assertThat(server.get("/metrics").status()).isEqualTo(401);
        assertThat(server.get("/health/ready").status()).isEqualTo(401);
        assertThat(server.get("/openapi.yaml").status()).isEqualTo(401);
        assertThat(server.get("/metrics", TIMEOUT, "Authorization", "Bearer a").status())
                .isEqualTo(200);
    }

    @Test
    void without_keys_the_api_is_open_as_before() {
        server = new RunningServer();
        server.recommendations.store("sample-1");

        assertThat(server.post(GENERATE).status()).isEqualTo(202);
    }
}
