package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.contract.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/content/images/{eventDraftId}} and {@code PUT …/selection} over real HTTP. */
class DraftImagesEndpointTest {
    private static final EventDraftId DRAFT = EventDraftId.of("sample-1");

    private final RunningServer server = new RunningServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private DraftImages stored() {
        DraftImages images =
                Fixtures.madeBy(JobId.random(), ImageSet.of("http://h/s.png", "http://h/f.png", "http://h/t.png"));
        server.imageSets.save(DRAFT, images);
        return images;
    }

    @Test
    void the_drafts_latest_images_are_answered_with_their_job_and_time_and_no_choice_yet() {
        DraftImages images = stored();

        RunningServer.Answer answer = server.get("/api/content/images/sample-1");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json())
                .containsEntry("eventDraftId", "sample-1")
                .containsEntry("jobId", images.jobId().toString())
                .containsEntry(
                        "imageUrls",
                        Map.of("simple", "http://h/s.png", "fancy", "http://h/f.png", "trendy", "http://h/t.png"))
                .containsEntry("createdAt", "2026-03-01T09:00:00Z")
                .doesNotContainKeys("selected", "formats", "editedAt");
    }

    @Test
    void further_formats_are_listed_per_format() {
        DraftImages images = stored().withFormats(Map.of(PosterFormat.STORY, ImageSet.of("s9", "f9", "t9")));
        server.imageSets.save(DRAFT, images);

        RunningServer.Answer answer = server.get("/api/content/images/sample-1");

        assertThat(answer.json())
                .containsEntry("formats", Map.of("story", Map.of("simple", "s9", "fancy", "f9", "trendy", "t9")));
    }

    @Test
    void choosing_a_style_stores_it_and_the_next_read_says_so() {
        stored();

        RunningServer.Answer chosen =
                server.send("PUT", "/api/content/images/sample-1/selection", "{\"style\":\"fancy\"}");

        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.json()).containsEntry("selected", "fancy");
        assertThat(server.get("/api/content/images/sample-1").json()).containsEntry("selected", "fancy");
        assertThat(server.imageSets.latest(DRAFT).orElseThrow().selected()).contains(ImageStyle.FANCY);
    }

    @Test
    void choosing_again_replaces_the_choice() {
        stored();
        server.send("PUT", "/api/content/images/sample-1/selection", "{\"style\":\"fancy\"}");

        RunningServer.Answer again =
                server.send("PUT", "/api/content/images/sample-1/selection", "{ \"style\" : \"simple\" }");

        assertThat(again.json()).containsEntry("selected", "simple");
    }

    @Test
    void a_draft_without_images_is_answered_404_content_004_and_a_choice_creates_nothing() {
        RunningServer.Answer read = server.get("/api/content/images/sample-1");
        RunningServer.Answer choose =
                server.send("PUT", "/api/content/images/sample-1/selection", "{\"style\":\"fancy\"}");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json()).isEqualTo(Map.of("code", "CONTENT_004", "message", "이미지를 먼저 생성해주세요"));
        assertThat(choose.status()).isEqualTo(404);
        assertThat(choose.json()).containsEntry("code", "CONTENT_004");
        assertThat(server.imageSets.latest(DRAFT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"style\":\"cute\"}", "{\"style\":\"\"}", "{\"style\":1}", "{\"style\":null}", "{}"})
    void an_unknown_or_missing_style_is_answered_400_invalid_style(String body) {
        stored();

        RunningServer.Answer answer = server.send("PUT", "/api/content/images/sample-1/selection", body);

        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.json()).containsEntry("code", "INVALID_STYLE").containsKey("message");
        assertThat(server.imageSets.latest(DRAFT).orElseThrow().selected()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "fancy",
                "\"fancy\"",
                "[\"fancy\"]",
                "{\"style\":",
                "{\"style\":\"fancy\"} {}",
                "{\"style\":\"fancy\",\"style\":\"simple\"}",
                "style=fancy"
            })
    void a_body_that_is_not_one_json_object_is_answered_400_invalid_body(String body) {
        stored();

        RunningServer.Answer answer = server.send("PUT", "/api/content/images/sample-1/selection", body);

        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.json()).as(body).containsEntry("code", "INVALID_BODY");
    }

    @Test
    void an_unknown_field_is_answered_400_unknown_field() {
        stored();

        RunningServer.Answer answer =
                server.send("PUT", "/api/content/images/sample-1/selection", "{\"style\":\"fancy\",\"color\":\"red\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).containsEntry("code", "UNKNOWN_FIELD");
        assertThat(server.imageSets.latest(DRAFT).orElseThrow().selected()).isEmpty();
    }

    @Test
    void a_malformed_draft_id_is_answered_400_content_002_on_both() {
        assertThat(server.get("/api/content/images/bad*id").json()).containsEntry("code", "CONTENT_002");
        assertThat(server.send("PUT", "/api/content/images/bad*id/selection", "{\"style\":\"fancy\"}")
                        .json())
                .containsEntry("code", "CONTENT_002");
    }

    @Test
    void an_unreachable_store_is_answered_503() {
        server.imageSets.goDown();

        RunningServer.Answer answer = server.get("/api/content/images/sample-1");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json()).containsEntry("code", "STORE_UNAVAILABLE");
    }

    @Test
    void the_hosted_image_route_is_not_taken_for_a_draft() {
        RunningServer.Answer answer = server.get("/api/content/images/files/" + JobId.random() + "-simple.png");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).containsEntry("code", "IMAGE_001");
    }
}
