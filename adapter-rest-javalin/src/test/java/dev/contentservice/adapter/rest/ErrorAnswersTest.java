package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every error is a {@code {"code","message"}} JSON body, also the ones Jetty answers by itself. */
class ErrorAnswersTest {
    private final RunningServer server = new RunningServer();
    /** The head of a POST generate whose body follows in chunks. */
    private static final String CHUNKED_GENERATE = "POST /api/content/images/sample-1/generate HTTP/1.1\r\nHost: x\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";

    @AfterEach
    void stop() {
        server.close();
    }

    private static void assertJsonError(RunningServer.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).isEqualTo(Json.MEDIA_TYPE);
        assertThat(answer.json())
                .as(answer.toString())
                .containsEntry("code", code)
                .containsKey("message")
                .hasSize(2);
    }

    @Test
    void unknown_route_is_404_json() {
        RunningServer.Answer answer = server.get("/no/such/route");

        assertJsonError(answer, 404, "NOT_FOUND");
        assertThat(answer.json()).containsEntry("message", "요청한 경로를 찾을 수 없습니다");
    }

    @Test
    void errors_are_json_even_for_a_browser_that_asks_for_html() {
        String browser = "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

        assertJsonError(server.raw("GET /no/such/page HTTP/1.1", browser), 404, "NOT_FOUND");
        assertJsonError(server.raw("GET /api/content/jobs/%ZZ/status HTTP/1.1", browser), 400, "BAD_REQUEST");
        assertJsonError(server.raw("GET /api/content/images/x/generate HTTP/1.1", browser), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void post_to_unknown_route_is_404_json() {
        assertJsonError(server.send("POST", "/api/content/nothing", "{}"), 404, "NOT_FOUND");
    }

    @Test
    void wrong_method_on_generate_is_405_with_allow() {
        RunningServer.Answer answer = server.get("/api/content/images/sample-1/generate");

        assertJsonError(answer, 405, "METHOD_NOT_ALLOWED");
        assertThat(answer.header("Allow")).isEqualTo("POST");
    }

    @Test
    void wrong_method_on_status_is_405_with_allow() {
        RunningServer.Answer answer = server.send("DELETE", "/api/content/jobs/x/status", "");

        assertJsonError(answer, 405, "METHOD_NOT_ALLOWED");
        assertThat(answer.header("Allow")).contains("GET").contains("HEAD");
    }

    @Test
    void put_patch_and_options_on_a_route_are_405() {
        for (String method : new String[] {"PUT", "PATCH", "OPTIONS"}) {
            assertJsonError(server.send(method, "/health/live", "x"), 405, "METHOD_NOT_ALLOWED");
        }
    }

    @Test
    void body_over_the_limit_is_413() {
        server.recommendations.store("sample-1");

        RunningServer.Answer answer = server.send(
                "POST",
                "/api/content/images/sample-1/generate",
                "x".repeat((int) HttpSettings.DEFAULT_MAX_REQUEST_BODY_BYTES + 1));

        assertJsonError(answer, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void body_of_a_mebibyte_is_413_not_a_broken_connection() {
        byte[] big = new byte[1024 * 1024];

        for (int i = 0; i < 5; i++) {
            RunningServer.Answer answer = server.send(
                    "POST", "/api/content/images/sample-1/generate", HttpRequest.BodyPublishers.ofByteArray(big));

            assertJsonError(answer, 413, "PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void huge_body_announced_with_expect_continue_is_413_before_it_is_sent() {
        // a raw socket: Java 17's HttpClient waits forever when the answer to Expect is not 100 (JDK-8286171)
        RunningServer.Answer answer = server.raw(
                "POST /api/content/images/sample-1/generate HTTP/1.1",
                "Content-Length: " + 64 * 1024 * 1024,
                "Expect: 100-continue");

        assertJsonError(answer, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void server_still_answers_after_a_huge_body_was_cut_off() {
        byte[] huge = new byte[8 * 1024 * 1024];
        try {
            server.send("POST", "/api/content/images/sample-1/generate", HttpRequest.BodyPublishers.ofByteArray(huge));
        } catch (IllegalStateException resetWhileUploading) {
            // allowed: a body this large is not drained, the connection is closed under it
        }

        assertThat(server.get("/health/live").status()).isEqualTo(200);
    }

    @Test
    void chunked_body_over_the_limit_is_413() {
        int size = (int) HttpSettings.DEFAULT_MAX_REQUEST_BODY_BYTES + 100;
        String chunk = Integer.toHexString(size) + "\r\n" + "y".repeat(size) + "\r\n0\r\n\r\n";

        RunningServer.Answer answer = server.rawBytes((CHUNKED_GENERATE + chunk).getBytes(StandardCharsets.ISO_8859_1));

        assertJsonError(answer, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_chunked_body_is_read_although_no_length_is_given() {
        server.recommendations.store("sample-1");
        String body = "[1,2]";
        String chunk = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";

        RunningServer.Answer answer = server.rawBytes((CHUNKED_GENERATE + chunk).getBytes(StandardCharsets.ISO_8859_1));

        assertJsonError(answer, 400, "CONTENT_005");
    }

    @Test
    void a_malformed_chunked_body_is_400_json_not_500() {
        server.recommendations.store("sample-1");
        RunningServer.Answer answer =
                server.rawBytes((CHUNKED_GENERATE + "ZZ\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));

        assertJsonError(answer, 400, "BAD_REQUEST");
    }

    @Test
    void a_body_cut_short_of_its_length_is_400_json_not_500() {
        server.recommendations.store("sample-1");
        String request = "POST /api/content/images/sample-1/generate HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"metadata\":";

        RunningServer.Answer answer = server.rawBytesThenHalfClose(request.getBytes(StandardCharsets.ISO_8859_1));

        assertJsonError(answer, 400, "BAD_REQUEST");
    }

    @Test
    void a_post_with_neither_length_nor_chunks_has_no_body_and_is_accepted() {
        server.recommendations.store("sample-1");
        String request = "POST /api/content/images/sample-1/generate HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

        RunningServer.Answer answer = server.rawBytes(request.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer.status()).isEqualTo(202);
    }

    @Test
    void body_within_the_limit_is_accepted() {
        server.recommendations.store("sample-1");
        String json = "{\"metadata\":{}}";

        RunningServer.Answer answer = server.send(
                "POST",
                "/api/content/images/sample-1/generate",
                json + " ".repeat((int) HttpSettings.DEFAULT_MAX_REQUEST_BODY_BYTES - json.length()));

        assertThat(answer.status()).isEqualTo(202);
    }

    @Test
    void unexpected_failure_is_a_generic_500_that_leaks_nothing() {
        server.metrics.set(() -> {
            throw new IllegalStateException("secret: password=hunter2 at db-7");
        });

        RunningServer.Answer answer = server.get("/metrics");

        assertJsonError(answer, 500, "INTERNAL_ERROR");
        assertThat(answer.text())
                .isEqualTo("{\"code\":\"INTERNAL_ERROR\",\"message\":\"서버 내부 오류가 발생했습니다\"}")
                .doesNotContain("hunter2")
                .doesNotContain("IllegalStateException");
    }

    @Test
    void java_lang_error_is_a_generic_500_json() {
        server.metrics.set(() -> {
            throw new AssertionError("secret internals");
        });

        RunningServer.Answer answer = server.get("/metrics");

        assertJsonError(answer, 500, "INTERNAL_ERROR");
        assertThat(answer.text()).doesNotContain("secret");
    }

    @Test
    void bad_percent_encoding_is_400_json_from_jetty() {
        RunningServer.Answer answer = server.raw("GET /api/content/jobs/%ZZ/status HTTP/1.1");

        assertJsonError(answer, 400, "BAD_REQUEST");
    }

    @Test
    void truncated_percent_encoding_is_400_json() {
        assertJsonError(server.raw("GET /api/content/images/%E/generate HTTP/1.1"), 400, "BAD_REQUEST");
    }

    @Test
    void overlong_uri_is_json() {
        RunningServer.Answer answer = server.raw("GET /api/content/jobs/" + "a".repeat(20_000) + "/status HTTP/1.1");

        assertThat(answer.status()).isIn(400, 414, 431);
        assertThat(answer.header("Content-Type")).isEqualTo(Json.MEDIA_TYPE);
        assertThat(answer.json()).containsKeys("code", "message");
    }

    @Test
    void oversized_header_is_431_json() {
        RunningServer.Answer answer = server.raw("GET /health/live HTTP/1.1", "X-Big: " + "b".repeat(20_000));

        assertJsonError(answer, 431, "HEADERS_TOO_LARGE");
    }

    @Test
    void malformed_header_is_400_json() {
        RunningServer.Answer answer = server.raw("GET /health/live HTTP/1.1", "Bad Header Without Colon");

        assertJsonError(answer, 400, "BAD_REQUEST");
    }

    @Test
    void unknown_http_version_is_400_json() {
        assertJsonError(server.raw("GET /health/live HTTP/9.9"), 400, "BAD_REQUEST");
    }

    @Test
    void http_0_9_request_is_400_json_not_505() {
        RunningServer.Answer answer = server.rawBytes("GET /health/live\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

        assertJsonError(answer, 400, "BAD_REQUEST");
    }

    @Test
    void malformed_post_does_not_break_the_next_request_on_a_kept_alive_connection() {
        String bad = "/api/content/images/%25ff%00/generate";

        RunningServer.Answer first = server.post(bad);
        RunningServer.Answer second = server.post(bad);

        assertJsonError(first, 400, "BAD_REQUEST");
        assertJsonError(second, 400, "BAD_REQUEST");
        assertThat(first.header("Connection")).isEqualTo("close");
    }

    @Test
    void protected_servlet_paths_are_404_json() {
        assertJsonError(server.raw("GET /WEB-INF/web.xml HTTP/1.1"), 404, "NOT_FOUND");
        assertJsonError(server.raw("GET /META-INF/MANIFEST.MF HTTP/1.1"), 404, "NOT_FOUND");
    }

    @Test
    void encoded_nul_in_id_is_a_client_error_json() {
        RunningServer.Answer answer =
                server.raw("POST /api/content/images/abc%00/generate HTTP/1.1", "Content-Length: 0");

        assertThat(answer.status()).isIn(400, 404);
        assertThat(answer.json()).containsKeys("code", "message");
    }
}
