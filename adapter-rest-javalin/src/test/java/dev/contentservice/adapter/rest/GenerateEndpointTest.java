package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.InvalidRecommendationException;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GenerateEndpointTest {
    private final RunningServer server = new RunningServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void generation_request_is_accepted_with_location_and_retry_after() {
        server.recommendations.store("sample-1");

        RunningServer.Answer answer = server.post("/api/content/images/sample-1/generate");

        assertThat(answer.status()).isEqualTo(202);
        String jobId = (String) answer.json().get("jobId");
        assertThat(JobId.parse(jobId)).isPresent();
        assertThat(answer.text())
                .isEqualTo("{\"jobId\":\"" + jobId + "\",\"status\":\"PENDING\",\"message\":\"이미지 생성 중입니다\"}");
        assertThat(answer.header("Location")).isEqualTo("/api/content/jobs/" + jobId + "/status");
        assertThat(answer.header("Retry-After")).isEqualTo("2");
        assertThat(answer.header("Content-Type")).isEqualTo(Json.MEDIA_TYPE);
    }

    @Test
    void korean_message_is_sent_as_utf8_bytes_not_escaped() {
        server.recommendations.store("sample-1");

        RunningServer.Answer answer = server.post("/api/content/images/sample-1/generate");

        byte[] expected = "\"message\":\"이미지 생성 중입니다\"".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(answer.body(), StandardCharsets.ISO_8859_1))
                .contains(new String(expected, StandardCharsets.ISO_8859_1))
                .doesNotContain("\\u");
    }

    @Test
    void second_request_while_in_flight_answers_the_same_job_in_its_current_status() {
        server.recommendations.store("sample-1");
        String first = (String)
                server.post("/api/content/images/sample-1/generate").json().get("jobId");
        Job job = server.jobs.find(JobId.parse(first).orElseThrow()).orElseThrow();
        server.jobs.update(job.start(RunningServer.CLOCK));

        RunningServer.Answer second = server.post("/api/content/images/sample-1/generate");

        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json())
                .containsEntry("jobId", first)
                .containsEntry("status", "PROCESSING")
                .containsEntry("message", "이미지 생성 중입니다");
        assertThat(second.header("Location")).isEqualTo("/api/content/jobs/" + first + "/status");
    }

    @Test
    void request_after_the_job_ended_starts_a_new_job() {
        server.recommendations.store("sample-1");
        String first = (String)
                server.post("/api/content/images/sample-1/generate").json().get("jobId");
        Job job = server.jobs.find(JobId.parse(first).orElseThrow()).orElseThrow();
        server.jobs.put(job.start(RunningServer.CLOCK).complete("local", RunningServer.CLOCK));

        RunningServer.Answer again = server.post("/api/content/images/sample-1/generate");

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("jobId")).isNotEqualTo(first);
        assertThat(again.json()).containsEntry("status", "PENDING");
    }

    @Test
    void draft_without_recommendation_is_answered_with_content_001() {
        RunningServer.Answer answer = server.post("/api/content/images/unknown-draft/generate");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).isEqualTo("{\"code\":\"CONTENT_001\",\"message\":\"AI 추천을 먼저 선택해주세요\"}");
        assertThat(answer.header("Content-Type")).isEqualTo(Json.MEDIA_TYPE);
    }

    @Test
    void invalid_draft_id_is_answered_with_content_002() {
        RunningServer.Answer answer = server.post("/api/content/images/bad.id!/generate");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).containsEntry("code", "CONTENT_002").containsKey("message");
        assertThat(answer.json()).hasSize(2);
    }

    @Test
    void draft_id_of_65_characters_is_answered_with_content_002() {
        RunningServer.Answer answer = server.post("/api/content/images/" + "a".repeat(65) + "/generate");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).containsEntry("code", "CONTENT_002");
    }

    @Test
    void unusable_recommendation_is_answered_with_content_003() {
        server.recommendations.failWith("broken-1", new InvalidRecommendationException("not JSON at line 1"));

        RunningServer.Answer answer = server.post("/api/content/images/broken-1/generate");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json()).containsEntry("code", "CONTENT_003").hasSize(2);
        assertThat(answer.text()).doesNotContain("not JSON at line 1");
    }

    @Test
    void unreachable_store_is_answered_with_503_and_retry_after_without_details() {
        server.recommendations.failWith(
                "sample-1", new StoreUnavailableException("redis at 10.0.0.7:6379 refused the connection", null));

        RunningServer.Answer answer = server.post("/api/content/images/sample-1/generate");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.text()).isEqualTo("{\"code\":\"STORE_UNAVAILABLE\",\"message\":\"일시적으로 서비스를 이용할 수 없습니다\"}");
        assertThat(answer.header("Retry-After")).isEqualTo("2");
    }

    @Test
    void malformed_json_body_is_refused_not_silently_ignored() {
        server.recommendations.store("sample-1");

        RunningServer.Answer answer = server.send("POST", "/api/content/images/sample-1/generate", "{\"oops\": [1, 2,");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code")).isEqualTo("CONTENT_005");
    }

    @Test
    void retry_after_follows_the_settings() {
        try (RunningServer slow =
                new RunningServer(HttpSettings.onPort(0).withHost("127.0.0.1").withRetryAfterSeconds(5))) {
            slow.recommendations.store("sample-1");

            RunningServer.Answer answer = slow.post("/api/content/images/sample-1/generate");

            assertThat(answer.header("Retry-After")).isEqualTo("5");
        }
    }
}
