package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.JobId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CORS for the configured origins, request ids, security headers, request metrics and binding. */
class CorsAndHeadersTest {
    private static final String FRONT_END = "https://app.example.com";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private RunningServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(HttpSettings settings) {
        server = new RunningServer(settings);
        server.recommendations.store("sample-1");
    }

    private static HttpSettings local() {
        return HttpSettings.onPort(0).withHost("127.0.0.1");
    }

    @Test
    void a_preflight_from_an_allowed_origin_learns_the_methods_and_headers_it_may_send() {
        start(local().withCorsOrigins(List.of(FRONT_END)).withApiKeys(List.of("k"), false));

        RunningServer.Answer answer = server.raw(
                "OPTIONS /api/content/images/sample-1/generate HTTP/1.1",
                "Origin: " + FRONT_END,
                "Access-Control-Request-Method: POST",
                "Access-Control-Request-Headers: authorization, content-type, prefer, last-event-id");

        assertThat(answer.status()).isBetween(200, 204);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
        assertThat(answer.header("Access-Control-Allow-Methods")).contains("POST", "GET");
        assertThat(answer.header("Access-Control-Allow-Headers"))
                .contains("Authorization", "Content-Type", "Prefer", "Last-Event-ID");
    }

    @Test
    void a_preflight_from_another_origin_gets_no_allow_header() {
        start(local().withCorsOrigins(List.of(FRONT_END)));

        RunningServer.Answer answer = server.raw(
                "OPTIONS /api/content/images/sample-1/generate HTTP/1.1",
                "Origin: https://evil.example.net",
                "Access-Control-Request-Method: POST");

        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.header("Access-Control-Allow-Methods")).isNull();
        assertThat(answer.header("Access-Control-Allow-Headers")).isNull();
    }

    @Test
    void answers_to_an_allowed_origin_carry_its_origin_also_when_they_are_errors() {
        start(local().withCorsOrigins(List.of(FRONT_END)).withApiKeys(List.of("k"), false));

        RunningServer.Answer refused =
                server.get("/api/content/jobs/" + JobId.random() + "/status", TIMEOUT, "Origin", FRONT_END);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
        assertThat(refused.header("Access-Control-Expose-Headers")).contains("Location", "Retry-After");
    }

    @Test
    void without_configured_origins_a_preflight_is_not_answered_as_cors() {
        start(local());

        RunningServer.Answer answer = server.raw(
                "OPTIONS /api/content/images/sample-1/generate HTTP/1.1",
                "Origin: " + FRONT_END,
                "Access-Control-Request-Method: POST");

        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void a_request_id_sent_by_the_client_is_returned() {
        start(local());

        RunningServer.Answer answer = server.get("/health/live", TIMEOUT, "X-Request-Id", "abc-123.x");

        assertThat(answer.header("X-Request-Id")).isEqualTo("abc-123.x");
    }

    @Test
    void a_request_without_a_plausible_id_gets_a_new_one() {
        start(local());

        String made = server.get("/health/live").header("X-Request-Id");
        String replaced = server.get("/health/live", TIMEOUT, "X-Request-Id", "a b<script>")
                .header("X-Request-Id");

        assertThat(made).matches("[0-9a-f-]{36}");
        assertThat(replaced).matches("[0-9a-f-]{36}").isNotEqualTo(made);
        assertThat(List.of(UUID.fromString(made), UUID.fromString(replaced)))
                .allSatisfy(
                        id -> assertThat(List.of(id.version(), id.variant())).containsExactly(4, 2));
    }

    @Test
    void the_page_is_served_with_a_content_security_policy_and_no_framing() {
        start(local());

        RunningServer.Answer page = server.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void requests_are_reported_by_route_template_never_by_raw_path() {
        start(local());
        JobId id = JobId.random();

        server.get("/api/content/jobs/" + id + "/status");
        server.post("/api/content/images/sample-1/generate");
        server.get("/no/such/route");

        assertThat(server.requestsSeen)
                .contains(
                        "GET /api/content/jobs/{jobId}/status 404",
                        "POST /api/content/images/{eventDraftId}/generate 202",
                        "GET unmatched 404")
                .noneMatch(line -> line.contains(id.toString()) || line.contains("sample-1"));
    }

    @Test
    void a_port_in_use_is_refused_with_the_address_named() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            HttpSettings settings = HttpSettings.onPort(taken.getLocalPort()).withHost("127.0.0.1");

            assertThatThrownBy(() -> new RunningServer(settings))
                    .isInstanceOf(HttpBindException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }
}
