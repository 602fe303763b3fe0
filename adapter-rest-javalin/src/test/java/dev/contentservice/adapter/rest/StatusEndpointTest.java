package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusEndpointTest {
    private static final Clock CLOCK = RunningServer.CLOCK;

    private final RunningServer server = new RunningServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private Job storedJob() {
        Job job = Job.create(
                JobId.random(), Fakes.recommendation(Fixtures.uniqueDraft().value()), CLOCK);
        server.jobs.put(job);
        return job;
    }

    private RunningServer.Answer statusOf(Job job) {
        return server.get("/api/content/jobs/" + job.id() + "/status");
    }

    @Test
    void pending_job_is_reported_as_processing_with_retry_after() {
        Job job = storedJob();

        RunningServer.Answer answer = statusOf(job);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text())
                .isEqualTo("{\"jobId\":\"" + job.id()
                        + "\",\"status\":\"PROCESSING\",\"message\":\"이미지 생성 중입니다\","
                        + "\"progress\":{\"done\":[],\"total\":3}}");
        assertThat(answer.header("Retry-After")).isEqualTo("2");
        assertThat(answer.header("Content-Type")).isEqualTo(Json.MEDIA_TYPE);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void processing_job_lists_the_styles_already_drawn() {
        Job job = storedJob();
        server.jobs.put(job.start(CLOCK).styleDone(ImageStyle.TRENDY, CLOCK).styleDone(ImageStyle.SIMPLE, CLOCK));

        RunningServer.Answer answer = statusOf(job);

        assertThat(answer.text()).endsWith("\"progress\":{\"done\":[\"simple\",\"trendy\"],\"total\":3}}");
        assertThat(answer.json()).containsEntry("status", "PROCESSING");
    }

    @Test
    void status_of_completed_job_lists_three_urls_and_the_generator() {
        Job job = storedJob();
        server.jobs.put(job.start(CLOCK).complete("local", CLOCK));
        server.imageSets.save(
                job.eventDraftId(),
                Fixtures.madeBy(job.id(), ImageSet.of("http://h/s.png", "http://h/f.png", "http://h/t.png")));

        RunningServer.Answer answer = statusOf(job);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text())
                .isEqualTo("{\"jobId\":\"" + job.id() + "\",\"status\":\"COMPLETED\",\"imageUrls\":"
                        + "{\"simple\":\"http://h/s.png\",\"fancy\":\"http://h/f.png\",\"trendy\":\"http://h/t.png\"},"
                        + "\"generator\":\"local\"}");
        assertThat(answer.header("Retry-After")).isNull();
    }

    @Test
    void failed_job_carries_the_seed_messages_and_the_fixed_sentence_of_its_reason_code() {
        Job job = storedJob();
        server.jobs.put(
                job.start(CLOCK).fail(JobFailure.of("IMAGEGEN_TIMEOUT", "the 5 minute deadline passed"), CLOCK));

        RunningServer.Answer answer = statusOf(job);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text())
                .isEqualTo("{\"jobId\":\"" + job.id() + "\",\"status\":\"FAILED\",\"error\":\"이미지 생성 실패\","
                        + "\"message\":\"다시 시도해주세요\",\"reason\":{\"code\":\"IMAGEGEN_TIMEOUT\","
                        + "\"detail\":\"정해진 시간 안에 이미지를 만들지 못했어요.\"}}");
        assertThat(answer.text()).doesNotContain("the 5 minute deadline passed");
        assertThat(answer.header("Retry-After")).isNull();
    }

    @Test
    void completed_job_whose_images_expired_is_reported_failed_with_images_missing() {
        Job job = storedJob();
        server.jobs.put(job.start(CLOCK).complete("local", CLOCK));

        RunningServer.Answer answer = statusOf(job);

        assertThat(answer.json()).containsEntry("status", "FAILED");
        assertThat(answer.text()).contains("\"code\":\"IMAGES_MISSING\"");
    }

    @Test
    void unknown_job_is_answered_with_job_001() {
        RunningServer.Answer answer = server.get("/api/content/jobs/" + JobId.random() + "/status");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).isEqualTo("{\"code\":\"JOB_001\",\"message\":\"Job을 찾을 수 없습니다\"}");
    }

    @Test
    void malformed_job_id_is_answered_like_a_missing_job() {
        RunningServer.Answer answer = server.get("/api/content/jobs/1-1-1-1-1/status");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).isEqualTo("{\"code\":\"JOB_001\",\"message\":\"Job을 찾을 수 없습니다\"}");
    }

    @Test
    void upper_case_job_id_finds_the_job() {
        Job job = storedJob();

        RunningServer.Answer answer =
                server.get("/api/content/jobs/" + job.id().toString().toUpperCase() + "/status");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsEntry("jobId", job.id().toString());
    }

    @Test
    void unreachable_job_store_is_answered_with_503() {
        server.jobs.goDown();

        RunningServer.Answer answer = server.get("/api/content/jobs/" + JobId.random() + "/status");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json()).containsEntry("code", "STORE_UNAVAILABLE");
        assertThat(answer.header("Retry-After")).isEqualTo("2");
        assertThat(answer.text()).doesNotContain("10.0.0.7");
    }

    @Test
    void head_of_status_answers_like_get_without_a_body() {
        RunningServer.Answer answer = server.send(
                "HEAD",
                "/api/content/jobs/" + JobId.random() + "/status",
                java.net.http.HttpRequest.BodyPublishers.noBody());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEmpty();
    }
}
