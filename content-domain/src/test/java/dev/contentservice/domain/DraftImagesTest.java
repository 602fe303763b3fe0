package dev.contentservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DraftImagesTest {
    private static final Instant MADE = Instant.parse("2026-03-01T09:00:00Z");
    private static final ImageSet SET = ImageSet.of("s", "f", "t");

    @Test
    void a_set_made_by_a_job_has_no_formats_choice_or_edit() {
        JobId job = JobId.random();

        DraftImages made = DraftImages.made(job, SET, MADE);

        assertThat(made.jobId()).isEqualTo(job);
        assertThat(made.formats()).isEmpty();
        assertThat(made.selected()).isEmpty();
        assertThat(made.editedAt()).isEmpty();
    }

    @Test
    void choosing_changes_only_the_choice() {
        DraftImages made = DraftImages.made(JobId.random(), SET, MADE).withFormats(Map.of(PosterFormat.STORY, SET));

        DraftImages chosen = made.withSelected(ImageStyle.TRENDY);

        assertThat(chosen.selected()).contains(ImageStyle.TRENDY);
        assertThat(chosen.withSelected(ImageStyle.SIMPLE).selected()).contains(ImageStyle.SIMPLE);
        assertThat(chosen.formats()).isEqualTo(made.formats());
        assertThat(chosen.images()).isEqualTo(made.images());
    }

    @Test
    void formats_are_kept_whatever_order_they_come_in() {
        DraftImages made = DraftImages.made(JobId.random(), SET, MADE);

        DraftImages withFormats = made.withFormats(Map.of(PosterFormat.STORY, SET, PosterFormat.SQUARE, SET));

        assertThat(withFormats.formats().keySet()).containsExactly(PosterFormat.SQUARE, PosterFormat.STORY);
    }

    @Test
    void an_edit_cannot_come_before_the_set_was_made() {
        DraftImages made = DraftImages.made(JobId.random(), SET, MADE);

        assertThatThrownBy(() -> made.withEditedAt(MADE.minusSeconds(1))).hasMessageContaining("editedAt");
        assertThat(made.withEditedAt(MADE.plusSeconds(1)).editedAt()).contains(MADE.plusSeconds(1));
    }

    @Test
    void every_part_is_required() {
        assertThatThrownBy(() -> new DraftImages(null, SET, Map.of(), Optional.empty(), MADE, Optional.empty()))
                .hasMessageContaining("jobId");
        assertThatThrownBy(
                        () -> new DraftImages(JobId.random(), SET, Map.of(), Optional.empty(), null, Optional.empty()))
                .hasMessageContaining("createdAt");
    }
}
