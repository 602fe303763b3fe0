package dev.contentservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"sample-1", "a", "A_b-9", "0123456789012345678901234567890123456789012345678901234567890123"})
    void event_draft_id_accepts_the_documented_alphabet(String id) {
        assertThat(EventDraftId.of(id).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "a b",
                "../etc/passwd",
                "job:1",
                "draft*",
                "초안",
                "a\u0000b",
                "a\nb",
                "%2e%2e",
                "01234567890123456789012345678901234567890123456789012345678901234"
            })
    void event_draft_id_refuses_everything_else_with_content_002(String id) {
        assertThatThrownBy(() -> EventDraftId.of(id))
                .isInstanceOf(InvalidEventDraftIdException.class)
                .hasMessageContaining("eventDraftId")
                .extracting(e -> ((ContentException) e).code())
                .isEqualTo("CONTENT_002");
    }

    @Test
    void event_draft_id_refuses_null() {
        assertThatThrownBy(() -> EventDraftId.of(null)).isInstanceOf(InvalidEventDraftIdException.class);
    }

    @Test
    void random_strings_never_escape_the_draft_id_rule() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(80);
            for (int c = 0; c < length; c++) {
                text.appendCodePoint(random.nextInt(0x3000));
            }
            String candidate = text.toString();
            boolean valid = candidate.matches("[A-Za-z0-9_-]{1,64}");
            if (valid) {
                assertThat(EventDraftId.of(candidate).value()).isEqualTo(candidate);
            } else {
                assertThatThrownBy(() -> EventDraftId.of(candidate)).isInstanceOf(InvalidEventDraftIdException.class);
            }
        }
    }

    @Test
    void job_id_parses_only_canonical_uuids() {
        JobId id = JobId.random();

        assertThat(JobId.parse(id.toString())).contains(id);
        assertThat(JobId.parse(id.toString().toUpperCase())).contains(id);
        assertThat(JobId.parse("1-1-1-1-1")).isEmpty();
        assertThat(JobId.parse("not-a-uuid")).isEmpty();
        assertThat(JobId.parse("")).isEmpty();
        assertThat(JobId.parse(null)).isEmpty();
        assertThat(JobId.parse(id + "x")).isEmpty();
    }

    @Test
    void a_job_id_read_in_upper_case_is_written_and_compared_as_the_canonical_one() {
        java.util.UUID uuid = java.util.UUID.fromString("6f1c2a3e-8b7d-4c21-9e0f-1a2b3c4d5e6f");
        JobId made = new JobId(uuid);
        JobId read = JobId.parse("6F1C2A3E-8B7D-4C21-9E0F-1A2B3C4D5E6F").orElseThrow();

        assertThat(read.toString())
                .isEqualTo("6f1c2a3e-8b7d-4c21-9e0f-1a2b3c4d5e6f")
                .isEqualTo(made.toString());
        assertThat(read).isEqualTo(made).hasSameHashCodeAs(made);
        assertThat(read.value()).isEqualTo(uuid);
        assertThat(read).isNotEqualTo(JobId.random());
    }

    @Test
    void image_style_knows_its_key_and_korean_label() {
        assertThat(ImageStyle.SIMPLE.key()).isEqualTo("simple");
        assertThat(ImageStyle.SIMPLE.koreanLabel()).isEqualTo("심플");
        assertThat(ImageStyle.FANCY.koreanLabel()).isEqualTo("화려한");
        assertThat(ImageStyle.TRENDY.koreanLabel()).isEqualTo("트렌디");
        assertThat(ImageStyle.fromKey("Trendy")).contains(ImageStyle.TRENDY);
        assertThat(ImageStyle.fromKey("other")).isEmpty();
    }

    @Test
    void image_set_needs_all_three_urls() {
        assertThat(ImageSet.of("s", "f", "t").url(ImageStyle.FANCY)).isEqualTo("f");
        assertThatThrownBy(() -> ImageSet.of("s", " ", "t")).hasMessageContaining("fancy");
    }

    @Test
    void image_file_names_cannot_leave_their_folder() {
        assertThat(ImageFileName.parse("0f8fad5b-d9cb-469f-a165-70867728950e-simple.png"))
                .isPresent();
        for (String hostile : List.of("../x.png", "a/b.png", "..png", "x.exe", "%2e.png", "X.PNG", "", ".png")) {
            assertThat(ImageFileName.parse(hostile)).as(hostile).isEmpty();
        }
    }

    @Test
    void image_file_name_of_a_job_style_round_trips() {
        JobId job = JobId.random();

        ImageFileName name = ImageFileName.of(job, ImageStyle.FANCY, ImageFormat.JPEG);

        assertThat(name.value()).isEqualTo(job + "-fancy.jpg");
        assertThat(name.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(ImageFileName.parse(name.value())).contains(name);
    }

    @Test
    void the_square_poster_keeps_the_seeds_name_and_other_formats_and_the_art_are_named_apart() {
        JobId job = JobId.random();

        assertThat(ImageFileName.of(job, ImageStyle.FANCY, PosterFormat.SQUARE))
                .isEqualTo(ImageFileName.of(job, ImageStyle.FANCY, ImageFormat.PNG));
        assertThat(ImageFileName.of(job, ImageStyle.FANCY, PosterFormat.PORTRAIT)
                        .value())
                .isEqualTo(job + "-fancy-portrait.png");
        assertThat(ImageFileName.of(job, ImageStyle.TRENDY, PosterFormat.STORY).value())
                .isEqualTo(job + "-trendy-story.png");
        assertThat(ImageFileName.art(job, ImageStyle.SIMPLE, ImageFormat.WEBP).value())
                .isEqualTo(job + "-simple-art.webp");
    }

    @Test
    void generated_image_refuses_empty_bytes_and_unknown_types() {
        assertThatThrownBy(() -> new GeneratedImage(new byte[0], "image/png", "x"))
                .hasMessageContaining("bytes");
        assertThatThrownBy(() -> new GeneratedImage(new byte[] {1}, "text/html", "x"))
                .hasMessageContaining("mediaType");
    }

    @Test
    void job_failure_detail_is_capped() {
        assertThat(JobFailure.of("X", "y".repeat(2_000)).detail()).hasSize(500);
    }
}
