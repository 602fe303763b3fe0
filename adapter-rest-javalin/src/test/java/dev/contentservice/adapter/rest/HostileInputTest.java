package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property-style: many generated hostile ids, paths and bodies (seeded, so a failure replays) never
 * produce a 5xx, an HTML page or a stack trace; every error is the JSON {@code {"code","message"}}.
 */
class HostileInputTest {
    private static final long SEED = 20_260_301L;
    private static final int CASES = 400;
    private static final List<String> PIECES = List.of(
            "a",
            "Z",
            "9",
            "_",
            "-",
            "sample-1",
            "..",
            "%2e%2e",
            "..%2F",
            "%2F",
            "%5C",
            "/",
            "\\",
            "%00",
            "%0a",
            "%0d%0a",
            "%1b",
            "%7f",
            "%25",
            "%",
            "%Z",
            "%e2%80%ae",
            "%ff%fe",
            "%c0%af",
            "+",
            "%20",
            ";",
            ";jsessionid=1",
            "?x=1",
            "#frag",
            "*",
            ":",
            "{",
            "}",
            "'",
            "\"",
            "<script>",
            "${jndi:ldap://x}",
            "$(id)",
            "..;",
            "//",
            "~",
            "한글",
            "이벤트",
            "🎉",
            "\u202e",
            "\u0000",
            "\t",
            "\r\n",
            " ",
            "ß",
            "Ａ",
            "0b6f3c1e-8d2a-4b7e-9a51-2f4c6d8e0a13",
            "0B6F3C1E-8D2A-4B7E-9A51-2F4C6D8E0A13",
            "-simple.png",
            ".png",
            ".PNG",
            "x".repeat(100),
            "y".repeat(3000));
    private static final List<String> BODIES = List.of(
            "",
            "{",
            "}",
            "{\"eventDraftId\":",
            "[1,2,",
            "null",
            "{\"a\":\"\\ud800\"}",
            "\u0000\u0001\u0002",
            "한글 본문",
            "<xml/>",
            "{\"a\":" + "[".repeat(5000),
            "\"" + "z".repeat(10_000) + "\"");

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = new RunningServer();
        server.recommendations.store("sample-1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void generated_hostile_requests_never_get_a_5xx_html_or_stack_trace() {
        Random random = new Random(SEED);

        for (int i = 0; i < CASES; i++) {
            String id = hostileId(random);
            String target = switch (random.nextInt(3)) {
                case 0 -> "/api/content/images/" + id + "/generate";
                case 1 -> "/api/content/jobs/" + id + "/status";
                default -> "/api/content/images/files/" + id;
            };
            String method = random.nextInt(5) == 0 ? "DELETE" : (target.endsWith("/generate") ? "POST" : "GET");
            String body = method.equals("POST") ? BODIES.get(random.nextInt(BODIES.size())) : "";

            RunningServer.Answer answer = server.rawBytes(request(method, target, body));

            String what = "case " + i + ": " + method + " " + escaped(target) + " -> " + answer;
            assertThat(answer.status()).as(what).isBetween(200, 499);
            assertThat(answer.text())
                    .as(what)
                    .doesNotContainIgnoringCase("<html")
                    .doesNotContain("Exception");
            assertThat(answer.text()).as(what).doesNotContain("\tat ").doesNotContain("at io.javalin");
            if (answer.status() >= 400) {
                assertThat(answer.header("Content-Type")).as(what).isEqualTo(Json.MEDIA_TYPE);
                assertThat(answer.json())
                        .as(what)
                        .containsKeys("code", "message")
                        .hasSize(2);
            }
        }
    }

    @Test
    void generated_hostile_ids_over_a_proper_client_are_client_errors() {
        Random random = new Random(SEED + 1);

        for (int i = 0; i < CASES / 4; i++) {
            String id = percentEncoded(hostileId(random));

            RunningServer.Answer status = server.get("/api/content/jobs/" + id + "/status");
            RunningServer.Answer generate = server.post("/api/content/images/" + id + "/generate");

            assertThat(status.status()).as(id + " " + status).isIn(200, 400, 404);
            assertThat(generate.status()).as(id + " " + generate).isIn(202, 400, 404);
            if (generate.status() == 400) {
                assertThat(generate.json().get("code")).as(id).isIn("CONTENT_002", "BAD_REQUEST");
            }
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars()
                .forEach(
                        c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.length() <= 300 ? out.toString() : out.substring(0, 300) + "…";
    }

    private static String hostileId(Random random) {
        StringBuilder id = new StringBuilder();
        int pieces = 1 + random.nextInt(4);
        for (int p = 0; p < pieces; p++) {
            id.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return id.toString();
    }

    /** Encodes every byte outside the unreserved set, so that the URI is well-formed for any client. */
    private static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static byte[] request(String method, String target, String body) {
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + bodyBytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bodyBytes);
        return out.toByteArray();
    }
}
