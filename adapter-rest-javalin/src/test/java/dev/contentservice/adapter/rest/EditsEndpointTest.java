package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.contract.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/content/images/{eventDraftId}/edits} over real HTTP: an owner's edit becomes an IMAGE_EDIT job. */
class EditsEndpointTest {
    private static final String EDITS = "/api/content/images/sample-1/edits";
    private static final String HEADLINE = "{\"style\":\"fancy\",\"text\":{\"headline\":\"봄맞이 딸기 축제\"}}";

    private final RunningServer server = new RunningServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private void aDraftWithImages() {
        server.recommendations.store("sample-1");
        server.imageSets.save(EventDraftId.of("sample-1"), Fixtures.madeBy(JobId.random(), ImageSet.of("s", "f", "t")));
    }

    @Test
    void an_edit_is_accepted_as_an_image_edit_job_with_the_generate_answers_shape_and_type() {
        aDraftWithImages();

        RunningServer.Answer answer = server.send("POST", EDITS, HEADLINE);

        assertThat(answer.status()).isEqualTo(202);
        String jobId = (String) answer.json().get("jobId");
        assertThat(answer.text())
                .isEqualTo("{\"jobId\":\"" + jobId
                        + "\",\"status\":\"PENDING\",\"message\":\"이미지 생성 중입니다\",\"type\":\"IMAGE_EDIT\"}");
        assertThat(answer.header("Location")).isEqualTo("/api/content/jobs/" + jobId + "/status");
        assertThat(answer.header("Retry-After")).isNotBlank();
        Job stored = server.jobs.find(JobId.parse(jobId).orElseThrow()).orElseThrow();
        assertThat(stored.edit().orElseThrow().text()).containsValue("봄맞이 딸기 축제");
    }

    @Test
    void the_status_of_an_edit_in_progress_names_its_type() {
        aDraftWithImages();
        String jobId = (String) server.send("POST", EDITS, HEADLINE).json().get("jobId");

        RunningServer.Answer status = server.get("/api/content/jobs/" + jobId + "/status");

        assertThat(status.json()).containsEntry("status", "PROCESSING").containsEntry("type", "IMAGE_EDIT");
    }

    @Test
    void an_edit_while_a_generation_runs_and_a_generation_while_an_edit_runs_are_both_the_409_of_generate() {
        aDraftWithImages();
        server.post("/api/content/images/sample-1/generate");

        RunningServer.Answer editRefused = server.send("POST", EDITS, HEADLINE);

        assertThat(editRefused.status()).isEqualTo(409);
        assertThat(editRefused.json()).containsEntry("code", "CONTENT_010");
        server.jobs.letTimePass(Job.TTL.plusMinutes(1)); // the generation is gone
        server.imageSets.save(EventDraftId.of("sample-1"), Fixtures.madeBy(JobId.random(), ImageSet.of("s", "f", "t")));
        assertThat(server.send("POST", EDITS, HEADLINE).status()).isEqualTo(202);
        RunningServer.Answer generateRefused = server.post("/api/content/images/sample-1/generate");
        assertThat(generateRefused.status()).isEqualTo(409);
        assertThat(generateRefused.json()).containsEntry("code", "CONTENT_010");
    }

    @Test
    void the_events_of_a_completed_edit_are_its_end_with_the_sets_current_images_and_no_style_events() {
        aDraftWithImages();
        ImageEdit edit = new ImageEdit(ImageStyle.FANCY, Map.of(EditableText.HEADLINE, "새 문구"), Optional.empty());
        Job done = Job.edit(JobId.random(), Fakes.recommendation("sample-1"), edit, RunningServer.CLOCK)
                .start(RunningServer.CLOCK)
                .complete("edit", RunningServer.CLOCK);
        server.jobs.put(done);
        DraftImages set = server.imageSets.latest(EventDraftId.of("sample-1")).orElseThrow();
        server.imageSets.save(
                EventDraftId.of("sample-1"),
                set.restyled(ImageStyle.FANCY, Map.of(PosterFormat.SQUARE, "f-edited"), RunningServer.CLOCK.instant()));

        RunningServer.Answer events = server.get("/api/content/jobs/" + done.id() + "/events");

        assertThat(events.status()).isEqualTo(200);
        assertThat(events.text())
                .contains("event: completed")
                .contains("\"fancy\":\"f-edited\"")
                .contains("\"type\":\"IMAGE_EDIT\"")
                .doesNotContain("event: style");
    }

    @Test
    void refused_edits_answer_the_readers_codes_and_the_drafts_errors() {
        aDraftWithImages();
        Map<String, List<Object>> cases = Map.of(
                "{\"style\":\"cute\",\"text\":{\"headline\":\"x\"}}",
                List.of(400, "INVALID_STYLE"),
                "{\"style\":\"fancy\",\"text\":{\"headline\":\"" + "가".repeat(41) + "\"}}",
                List.of(400, "TEXT_TOO_LONG"),
                "{\"style\":\"fancy\",\"text\":{\"headline\":\"   \"}}",
                List.of(400, "INVALID_TEXT"),
                "{\"style\":\"fancy\",\"text\":{\"slogan\":\"x\"}}",
                List.of(400, "UNKNOWN_FIELD"),
                "{\"style\":\"fancy\",\"palette\":{\"accent\":\"red\"}}",
                List.of(400, "INVALID_PALETTE"),
                "{\"style\":\"fancy\"}",
                List.of(400, "EMPTY_EDIT"),
                "not json",
                List.of(400, "INVALID_BODY"));

        cases.forEach((body, expected) -> {
            RunningServer.Answer answer = server.send("POST", EDITS, body);
            assertThat(answer.status()).as(body).isEqualTo(expected.get(0));
            assertThat(answer.json()).as(body).containsEntry("code", expected.get(1));
        });
        assertThat(server.send("POST", "/api/content/images/bad!id/edits", HEADLINE)
                        .json())
                .containsEntry("code", "CONTENT_002");
        assertThat(server.send("POST", "/api/content/images/no-images/edits", HEADLINE)
                        .json())
                .containsEntry("code", "CONTENT_004");
    }
}
