package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.adapter.memory.InMemoryImageSets;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.DraftImagesNotFoundException;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** {@link ReadDraftImages} and {@link ChooseStyle}: the draft's images and the owner's choice. */
class DraftImagesUseCasesTest {
    private final InMemoryImageSets imageSets = new InMemoryImageSets(Clock.systemUTC());
    private final ReadDraftImages read = new ReadDraftImages(imageSets);
    private final ChooseStyle choose = new ChooseStyle(imageSets);
    private final EventDraftId draft = Fixtures.uniqueDraft();

    @Test
    void the_latest_images_of_a_draft_are_read_with_their_job() {
        DraftImages made = Fixtures.madeBy(JobId.random(), ImageSet.of("s", "f", "t"));
        imageSets.save(draft, made);

        assertThat(read.read(draft)).isEqualTo(made);
    }

    @Test
    void a_draft_without_images_is_answered_with_content_004() {
        assertThatThrownBy(() -> read.read(draft))
                .isInstanceOf(DraftImagesNotFoundException.class)
                .extracting(e -> ((DraftImagesNotFoundException) e).code())
                .isEqualTo("CONTENT_004");
    }

    @Test
    void the_chosen_style_is_kept_with_the_images_and_read_back() {
        imageSets.save(draft, Fixtures.madeBy(JobId.random(), ImageSet.of("s", "f", "t")));

        DraftImages chosen = choose.choose(draft, ImageStyle.FANCY);

        assertThat(chosen.selected()).contains(ImageStyle.FANCY);
        assertThat(read.read(draft).selected()).contains(ImageStyle.FANCY);
    }

    @Test
    void choosing_without_images_is_answered_with_content_004_and_stores_nothing() {
        assertThatThrownBy(() -> choose.choose(draft, ImageStyle.SIMPLE))
                .isInstanceOf(DraftImagesNotFoundException.class);

        assertThat(imageSets.latest(draft)).isEmpty();
    }
}
