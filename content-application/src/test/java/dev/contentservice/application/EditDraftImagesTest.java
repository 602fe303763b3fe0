package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.adapter.memory.InMemoryImageSets;
import dev.contentservice.adapter.memory.InMemoryImageStore;
import dev.contentservice.adapter.memory.InMemoryRecommendations;
import dev.contentservice.adapter.render.LocalImageRenderer;
import dev.contentservice.application.ComposePostersTest.Provider;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.DraftImagesNotFoundException;
import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.InvalidImageEditException;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.contract.Fixtures;
import dev.contentservice.domain.contract.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link EditDraftImages}: an owner's edit of one style, re-set in every format from the kept art. */
class EditDraftImagesTest {
    private static final Instant DEADLINE = Instant.parse("2030-01-01T00:00:00Z");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final LocalImageRenderer renderer = new LocalImageRenderer();
    private final InMemoryImageStore store = new InMemoryImageStore(clock);
    private final InMemoryImageSets imageSets = new InMemoryImageSets(clock);
    private final InMemoryRecommendations recommendations = new InMemoryRecommendations();
    private final Provider provider = Provider.drawing();
    private final ComposePosters posters = new ComposePosters(
            Optional.of(provider),
            true,
            TextMode.OVERLAY,
            renderer,
            store,
            name -> "http://cdn.test/" + name,
            Runnable::run);
    private final EditDraftImages edits = new EditDraftImages(imageSets, recommendations, posters, clock);
    private final EventDraftId draft = Fixtures.uniqueDraft();
    private final JobId job = JobId.random();
    private DraftImages made;

    @BeforeEach
    void aSetMadeInThreeFormatsWithAChoice() throws Exception {
        recommendations.put(Fixtures.recommendation(draft));
        Map<PosterFormat, Map<ImageStyle, String>> urls = new EnumMap<>(PosterFormat.class);
        for (ImageStyle style : ImageStyle.values()) {
            StylePosters drawn = posters.draw(
                            job, style, Fixtures.recommendation(draft), Set.of(PosterFormat.values()), DEADLINE)
                    .get(30, TimeUnit.SECONDS);
            drawn.urls()
                    .forEach((format, url) -> urls.computeIfAbsent(format, f -> new EnumMap<>(ImageStyle.class))
                            .put(style, url));
        }
        Map<PosterFormat, ImageSet> formats = new EnumMap<>(PosterFormat.class);
        urls.forEach((format, set) -> formats.put(format, new ImageSet(set)));
        imageSets.save(
                draft,
                DraftImages.made(job, new ImageSet(urls.get(PosterFormat.SQUARE)), clock.instant())
                        .withFormats(formats));
        imageSets.select(draft, ImageStyle.SIMPLE);
        made = imageSets.latest(draft).orElseThrow();
        clock.advance(Duration.ofMinutes(3));
    }

    @AfterEach
    void closeRenderer() {
        renderer.close();
    }

    @Test
    void an_edit_of_the_fancy_headline_makes_a_new_fancy_image_in_every_format_and_nothing_else() throws Exception {
        JobId editJob = JobId.random();
        ImageEdit edit = new ImageEdit(ImageStyle.FANCY, Map.of(EditableText.HEADLINE, "주말 한정 특가"), Optional.empty());

        DraftImages edited = edits.apply(draft, editJob, edit).get(30, TimeUnit.SECONDS);

        assertThat(provider.requests)
                .as("only the three arts of the generation")
                .hasSize(3);
        assertThat(imageSets.latest(draft)).contains(edited);
        assertThat(edited.images().url(ImageStyle.FANCY)).endsWith(editJob + "-fancy.png");
        for (PosterFormat format : PosterFormat.values()) {
            ImageSet before = made.formats().get(format);
            ImageSet after = edited.formats().get(format);
            assertThat(after.url(ImageStyle.FANCY)).as(format.key()).startsWith("http://cdn.test/" + editJob);
            assertThat(store.get(new ImageFileName(after.url(ImageStyle.FANCY).substring("http://cdn.test/".length()))))
                    .as(format.key())
                    .isPresent();
            assertThat(after.url(ImageStyle.SIMPLE)).isEqualTo(before.url(ImageStyle.SIMPLE));
            assertThat(after.url(ImageStyle.TRENDY)).isEqualTo(before.url(ImageStyle.TRENDY));
        }
        assertThat(edited.selected()).contains(ImageStyle.SIMPLE);
        assertThat(edited.editedAt()).contains(clock.instant());
        assertThat(edited.jobId()).isEqualTo(job);
        assertThat(edited.createdAt()).isEqualTo(made.createdAt());
    }

    @Test
    void an_edit_without_images_is_refused_with_content_004() {
        EventDraftId empty = Fixtures.uniqueDraft();
        recommendations.put(Fixtures.recommendation(empty));
        ImageEdit edit = new ImageEdit(ImageStyle.FANCY, Map.of(EditableText.HEADLINE, "새 제목"), Optional.empty());

        assertThatThrownBy(() -> edits.check(empty, edit)).isInstanceOf(DraftImagesNotFoundException.class);
    }

    @Test
    void an_edit_that_empties_the_headline_is_refused_with_a_code_naming_the_field() {
        ImageEdit edit = new ImageEdit(ImageStyle.SIMPLE, Map.of(EditableText.HEADLINE, "  "), Optional.empty());

        assertThatThrownBy(() -> edits.check(draft, edit))
                .isInstanceOfSatisfying(InvalidImageEditException.class, e -> {
                    assertThat(e.code()).isEqualTo(InvalidImageEditException.INVALID_TEXT);
                    assertThat(e.field()).isEqualTo("text.headline");
                });
        assertThat(imageSets.latest(draft)).contains(made);
    }
}
