package dev.contentservice.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.PosterFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ImageSetRepository} must do. Extend it and return a fresh, empty repository. */
public abstract class ImageSetRepositoryContract {
    private static final Instant MADE_AT = Instant.parse("2026-03-01T09:00:12.345Z");

    protected ImageSetRepository imageSets;

    /** Room either side of a TTL, for stores whose time also runs on its own while a test runs. */
    protected static final Duration TTL_MARGIN = Duration.ofMinutes(1);

    protected abstract ImageSetRepository createImageSetRepository();

    /** Lets {@code duration} pass for the repository returned last: move its clock, or age the server's keys. */
    protected abstract void letTimePass(Duration duration);

    @BeforeEach
    void setUpRepository() {
        imageSets = createImageSetRepository();
    }

    private static ImageSet set(String tag) {
        return ImageSet.of(
                "http://localhost/files/" + tag + "-simple.png",
                "http://localhost/files/" + tag + "-fancy.png",
                "http://localhost/files/" + tag + "-trendy.png");
    }

    private static DraftImages made(String tag) {
        return DraftImages.made(JobId.random(), set(tag), MADE_AT);
    }

    @Test
    void saved_image_set_is_found() {
        EventDraftId draft = Fixtures.uniqueDraft();

        imageSets.save(draft, made("a"));

        assertThat(imageSets.find(draft)).contains(set("a"));
    }

    @Test
    void saved_images_are_the_latest_of_the_draft_with_their_job_and_time() {
        EventDraftId draft = Fixtures.uniqueDraft();
        DraftImages images = made("a");

        imageSets.save(draft, images);

        assertThat(imageSets.latest(draft)).contains(images);
        DraftImages latest = imageSets.latest(draft).orElseThrow();
        assertThat(latest.jobId()).isEqualTo(images.jobId());
        assertThat(latest.createdAt()).isEqualTo(MADE_AT);
        assertThat(latest.selected()).isEmpty();
        assertThat(latest.editedAt()).isEmpty();
        assertThat(latest.formats()).isEmpty();
    }

    @Test
    void further_formats_and_the_edit_time_are_kept() {
        EventDraftId draft = Fixtures.uniqueDraft();
        DraftImages images = made("a")
                .withFormats(Map.of(
                        PosterFormat.SQUARE,
                        set("a"),
                        PosterFormat.PORTRAIT,
                        set("a-portrait"),
                        PosterFormat.STORY,
                        set("a-story")))
                .withEditedAt(MADE_AT.plusSeconds(30));

        imageSets.save(draft, images);

        assertThat(imageSets.latest(draft)).contains(images);
        assertThat(imageSets.find(draft)).contains(set("a"));
    }

    @Test
    void missing_image_set_is_empty() {
        EventDraftId draft = Fixtures.uniqueDraft();

        assertThat(imageSets.find(draft)).isEmpty();
        assertThat(imageSets.latest(draft)).isEmpty();
    }

    @Test
    void regenerated_image_set_replaces_the_old_one() {
        EventDraftId draft = Fixtures.uniqueDraft();
        imageSets.save(draft, made("old").withFormats(Map.of(PosterFormat.STORY, set("old-story"))));
        DraftImages regenerated = made("new");

        imageSets.save(draft, regenerated);

        assertThat(imageSets.find(draft)).contains(set("new"));
        assertThat(imageSets.latest(draft)).contains(regenerated);
    }

    @Test
    void image_sets_of_different_drafts_are_kept_apart() {
        EventDraftId a = Fixtures.uniqueDraft();
        EventDraftId b = Fixtures.uniqueDraft();

        imageSets.save(a, made("a"));
        imageSets.save(b, made("b"));
        imageSets.select(b, ImageStyle.TRENDY);

        assertThat(imageSets.find(a)).contains(set("a"));
        assertThat(imageSets.find(b)).contains(set("b"));
        assertThat(imageSets.latest(a).orElseThrow().selected()).isEmpty();
    }

    @Test
    void image_set_lives_for_its_ttl_and_no_longer() {
        EventDraftId draft = Fixtures.uniqueDraft();
        imageSets.save(draft, made("short"));

        letTimePass(ImageSet.TTL.minus(TTL_MARGIN));
        assertThat(imageSets.find(draft)).contains(set("short"));
        assertThat(imageSets.latest(draft)).isPresent();

        letTimePass(TTL_MARGIN.multipliedBy(2));
        assertThat(imageSets.find(draft)).isEmpty();
        assertThat(imageSets.latest(draft)).isEmpty();
    }

    @Test
    void the_owners_choice_is_stored_with_the_set() {
        EventDraftId draft = Fixtures.uniqueDraft();
        DraftImages images = made("a");
        imageSets.save(draft, images);

        Optional<DraftImages> chosen = imageSets.select(draft, ImageStyle.FANCY);

        assertThat(chosen).contains(images.withSelected(ImageStyle.FANCY));
        assertThat(imageSets.latest(draft)).contains(images.withSelected(ImageStyle.FANCY));
        assertThat(imageSets.find(draft)).contains(set("a"));
    }

    @Test
    void choosing_again_replaces_the_choice() {
        EventDraftId draft = Fixtures.uniqueDraft();
        imageSets.save(draft, made("a"));
        imageSets.select(draft, ImageStyle.FANCY);

        imageSets.select(draft, ImageStyle.SIMPLE);

        assertThat(imageSets.latest(draft).orElseThrow().selected()).contains(ImageStyle.SIMPLE);
    }

    @Test
    void choosing_without_a_set_creates_nothing() {
        EventDraftId draft = Fixtures.uniqueDraft();

        assertThat(imageSets.select(draft, ImageStyle.FANCY)).isEmpty();

        assertThat(imageSets.latest(draft)).isEmpty();
        assertThat(imageSets.find(draft)).isEmpty();
    }

    @Test
    void a_new_set_starts_without_a_choice() {
        EventDraftId draft = Fixtures.uniqueDraft();
        imageSets.save(draft, made("old"));
        imageSets.select(draft, ImageStyle.TRENDY);

        imageSets.save(draft, made("new"));

        assertThat(imageSets.latest(draft).orElseThrow().selected()).isEmpty();
    }

    @Test
    void choosing_keeps_the_expiry_of_the_set() {
        EventDraftId draft = Fixtures.uniqueDraft();
        imageSets.save(draft, made("a"));
        letTimePass(ImageSet.TTL.minus(TTL_MARGIN));

        assertThat(imageSets.select(draft, ImageStyle.FANCY)).isPresent();

        // a choice that renewed the TTL would keep the set (and its choice) alive for 7 more days
        letTimePass(TTL_MARGIN.multipliedBy(2));
        assertThat(imageSets.latest(draft)).isEmpty();
        assertThat(imageSets.find(draft)).isEmpty();
    }

    @Test
    void choosing_after_the_set_expired_creates_nothing() {
        EventDraftId draft = Fixtures.uniqueDraft();
        imageSets.save(draft, made("a"));
        letTimePass(ImageSet.TTL.plus(TTL_MARGIN));

        assertThat(imageSets.select(draft, ImageStyle.SIMPLE)).isEmpty();

        assertThat(imageSets.latest(draft)).isEmpty();
    }

    @Test
    void an_edit_points_one_style_at_its_new_images_in_every_format_and_keeps_the_rest() {
        EventDraftId draft = Fixtures.uniqueDraft();
        DraftImages images =
                made("a").withFormats(Map.of(PosterFormat.SQUARE, set("a"), PosterFormat.STORY, set("a-story")));
        imageSets.save(draft, images);
        imageSets.select(draft, ImageStyle.TRENDY);
        Instant editedAt = MADE_AT.plusSeconds(90);

        Optional<DraftImages> edited = imageSets.restyle(
                draft,
                images.jobId(),
                ImageStyle.FANCY,
                Map.of(
                        PosterFormat.SQUARE,
                        "http://localhost/files/e-fancy.png",
                        PosterFormat.STORY,
                        "http://localhost/files/e-fancy-story.png",
                        PosterFormat.PORTRAIT,
                        "http://localhost/files/e-fancy-portrait.png"),
                editedAt);

        DraftImages latest = imageSets.latest(draft).orElseThrow();
        assertThat(edited).contains(latest);
        assertThat(latest.images().url(ImageStyle.FANCY)).isEqualTo("http://localhost/files/e-fancy.png");
        assertThat(latest.formats().get(PosterFormat.SQUARE).url(ImageStyle.FANCY))
                .isEqualTo("http://localhost/files/e-fancy.png");
        assertThat(latest.formats().get(PosterFormat.STORY).url(ImageStyle.FANCY))
                .isEqualTo("http://localhost/files/e-fancy-story.png");
        assertThat(latest.formats()).doesNotContainKey(PosterFormat.PORTRAIT);
        assertThat(latest.images().url(ImageStyle.SIMPLE)).isEqualTo(set("a").url(ImageStyle.SIMPLE));
        assertThat(latest.formats().get(PosterFormat.STORY).url(ImageStyle.TRENDY))
                .isEqualTo(set("a-story").url(ImageStyle.TRENDY));
        assertThat(latest.selected()).contains(ImageStyle.TRENDY);
        assertThat(latest.editedAt()).contains(editedAt);
        assertThat(latest.jobId()).isEqualTo(images.jobId());
    }

    @Test
    void an_edit_of_a_set_that_was_replaced_or_is_gone_changes_nothing() {
        EventDraftId draft = Fixtures.uniqueDraft();
        DraftImages old = made("old");
        DraftImages replacement = made("new");
        imageSets.save(draft, replacement);
        Map<PosterFormat, String> urls = Map.of(PosterFormat.SQUARE, "http://localhost/files/e-simple.png");

        assertThat(imageSets.restyle(draft, old.jobId(), ImageStyle.SIMPLE, urls, MADE_AT.plusSeconds(5)))
                .isEmpty();
        assertThat(imageSets.restyle(Fixtures.uniqueDraft(), old.jobId(), ImageStyle.SIMPLE, urls, MADE_AT))
                .isEmpty();

        assertThat(imageSets.latest(draft)).contains(replacement);
    }

    @Test
    void an_edit_keeps_the_expiry_of_the_set() {
        EventDraftId draft = Fixtures.uniqueDraft();
        DraftImages images = made("a");
        imageSets.save(draft, images);
        letTimePass(ImageSet.TTL.minus(TTL_MARGIN));

        assertThat(imageSets.restyle(
                        draft,
                        images.jobId(),
                        ImageStyle.SIMPLE,
                        Map.of(PosterFormat.SQUARE, "http://localhost/files/e-simple.png"),
                        MADE_AT.plusSeconds(5)))
                .isPresent();

        // an edit that renewed the TTL would keep links to the other styles' images past their own 7 days
        letTimePass(TTL_MARGIN.multipliedBy(2));
        assertThat(imageSets.latest(draft)).isEmpty();
    }
}
