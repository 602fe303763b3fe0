package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperationsEndpointsTest {
    private final RunningServer server = new RunningServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void liveness_is_up() {
        RunningServer.Answer answer = server.get("/health/live");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(answer.header("Content-Type")).isEqualTo(Json.MEDIA_TYPE);
    }

    @Test
    void readiness_is_200_when_every_component_is_up() {
        server.readiness.set(Map.of("jobs", true, "images", true));

        RunningServer.Answer answer = server.get("/health/ready");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo("{\"status\":\"UP\",\"components\":{\"images\":\"UP\",\"jobs\":\"UP\"}}");
    }

    @Test
    void readiness_is_503_with_the_state_of_each_component_when_one_is_down() {
        Map<String, Boolean> states = new LinkedHashMap<>();
        states.put("redis", false);
        states.put("renderer", true);
        server.readiness.set(states);

        RunningServer.Answer answer = server.get("/health/ready");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.text())
                .isEqualTo("{\"status\":\"DOWN\",\"components\":{\"redis\":\"DOWN\",\"renderer\":\"UP\"}}");
    }

    @Test
    void readiness_is_503_when_the_check_itself_fails() {
        server.readiness.set(null);

        RunningServer.Answer answer = server.get("/health/ready");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json()).containsEntry("status", "DOWN");
    }

    @Test
    void metrics_are_the_scrape_in_prometheus_text_format() {
        RunningServer.Answer answer = server.get("/metrics");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(answer.text())
                .isEqualTo("# TYPE content_jobs_created_total counter\ncontent_jobs_created_total 0.0\n");
    }

    @Test
    void openapi_description_is_served_as_yaml() {
        RunningServer.Answer answer = server.get("/openapi.yaml");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/yaml");
        assertThat(answer.text()).startsWith("openapi: 3.0.3");
    }

    @Test
    void page_is_served_at_the_root() {
        RunningServer.Answer answer = server.get("/");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void static_files_of_the_page_are_served() {
        RunningServer.Answer answer = server.get("/app.js");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).contains("console.log");
    }

    @Test
    void page_config_gives_the_page_every_failure_reason_in_the_servers_own_korean_words() throws Exception {
        RunningServer.Answer answer = server.get("/page-config.js");

        assertThat(answer.status()).isEqualTo(200);
        String script = answer.text();
        assertThat(script).startsWith("window.CONTENT_PAGE = ");
        com.fasterxml.jackson.databind.JsonNode config = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(script.substring("window.CONTENT_PAGE = ".length(), script.lastIndexOf(';')));
        java.util.Map<String, String> reasons = new java.util.HashMap<>();
        config.get("reasons")
                .fields()
                .forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asText()));
        assertThat(reasons)
                .isEqualTo(dev.contentservice.domain.PublicReason.sentences())
                .containsEntry("IMAGEGEN_TIMEOUT", "정해진 시간 안에 이미지를 만들지 못했어요.");
        assertThat(config.get("reasonFallback").asText()).isEqualTo(dev.contentservice.domain.PublicReason.GENERIC);
    }

    @Test
    void page_config_gives_the_page_the_length_limits_the_server_checks() throws Exception {
        String script = server.get("/page-config.js").text();
        com.fasterxml.jackson.databind.JsonNode config = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(script.substring("window.CONTENT_PAGE = ".length(), script.lastIndexOf(';')));

        assertThat(config.get("draftIdMaxLength").asInt()).isEqualTo(64);
        for (dev.contentservice.domain.EditableText text : dev.contentservice.domain.EditableText.values()) {
            assertThat(config.get("editLimits").get(text.key()).asInt())
                    .as(text.key())
                    .isEqualTo(text.maxLength());
        }
        assertThat(config.get("editLimits").get("headline").asInt()).isEqualTo(40);
    }

    @Test
    void static_file_named_like_a_route_never_shadows_the_route() {
        RunningServer.Answer answer = server.get("/metrics");

        assertThat(answer.text()).doesNotContain("decoy");
        assertThat(answer.text()).startsWith("# TYPE");
    }

    @Test
    void missing_static_file_is_404_json() {
        RunningServer.Answer answer = server.get("/missing.js");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).containsEntry("code", "NOT_FOUND");
    }

    @Test
    void head_of_the_page_is_200_without_body() {
        RunningServer.Answer answer = server.send("HEAD", "/", HttpRequest.BodyPublishers.noBody());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void head_of_liveness_is_200_without_body() {
        RunningServer.Answer answer = server.send("HEAD", "/health/live", HttpRequest.BodyPublishers.noBody());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
    }
}
