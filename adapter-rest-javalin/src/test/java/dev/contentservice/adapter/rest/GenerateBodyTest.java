package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.PosterFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The optional body of the generate request, over real HTTP: accepted, kept with the job, or refused with a code. */
class GenerateBodyTest {
    private RunningServer server;

    @BeforeEach
    void start() {
        server = new RunningServer();
        server.recommendations.store("sample-1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RunningServer.Answer generate(String body) {
        return server.send("POST", "/api/content/images/sample-1/generate", body);
    }

    private Job storedJob(RunningServer.Answer accepted) {
        JobId id = JobId.parse((String) accepted.json().get("jobId")).orElseThrow();
        return server.jobs.find(id).orElseThrow();
    }

    @Test
    void no_body_and_an_empty_body_are_the_seeds_request_for_a_square() {
        RunningServer.Answer accepted = generate("");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(storedJob(accepted).options().formats()).containsExactly(PosterFormat.SQUARE);
    }

    @Test
    void formats_and_metadata_are_kept_with_the_job_and_metadata_comes_back_in_the_status() {
        RunningServer.Answer accepted = generate(
                "{\"formats\":[\"story\",\"square\",\"story\"],\"metadata\":{\"orderId\":\"A-17\",\"n\":[1,2]}}");

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        Job job = storedJob(accepted);
        assertThat(job.options().formats()).isEqualTo(Set.of(PosterFormat.SQUARE, PosterFormat.STORY));
        RunningServer.Answer status = server.get("/api/content/jobs/" + job.id() + "/status");
        assertThat(status.json().get("metadata")).isEqualTo(Map.of("orderId", "A-17", "n", java.util.List.of(1, 2)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json | CONTENT_005",
                "[\"square\"] | CONTENT_005",
                "\"square\" | CONTENT_005",
                "null | CONTENT_005",
                "{\"size\":\"1024x1024\"} | CONTENT_005",
                "{\"formats\":\"square\"} | CONTENT_005",
                "{\"formats\":[]} | CONTENT_005",
                "{\"formats\":[1]} | CONTENT_005",
                "{\"formats\":[\"landscape\"]} | CONTENT_006",
                "{\"metadata\":\"A-17\"} | CONTENT_005",
                "{\"metadata\":null} | CONTENT_005",
                "{\"metadata\":{},\"metadata\":{}} | CONTENT_005",
                "{\"webhook\":42} | CONTENT_005",
                "{\"webhook\":\"ftp://example.com/x\"} | CONTENT_008",
                "{\"webhook\":\"https://example.com/x\"} | CONTENT_009",
                "{} {} | CONTENT_005"
            })
    void a_body_that_is_not_understood_is_refused_with_a_code_never_ignored(String body, String code) {
        RunningServer.Answer answer = generate(body);

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.json().get("code")).isEqualTo(code);
        assertThat(answer.json().get("message")).asString().isNotBlank();
    }

    @Test
    void metadata_over_one_kilobyte_is_refused() {
        String big = "{\"metadata\":{\"note\":\"" + "가".repeat(400) + "\"}}"; // 1,200 bytes of UTF-8

        RunningServer.Answer answer = generate(big);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code")).isEqualTo("CONTENT_007");
    }

    @Test
    void a_body_other_than_the_options_of_the_job_in_flight_is_refused_rather_than_merged() {
        String first = (String) generate("{\"metadata\":{\"a\":1}}").json().get("jobId");

        RunningServer.Answer same = generate("{\"metadata\":{\"a\":1}}");
        RunningServer.Answer bare = generate("");
        RunningServer.Answer other = generate("{\"metadata\":{\"a\":2}}");

        assertThat(same.status()).isEqualTo(202);
        assertThat(same.json().get("jobId")).isEqualTo(first);
        assertThat(bare.json().get("jobId")).isEqualTo(first);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code")).isEqualTo("CONTENT_010");
    }
}
