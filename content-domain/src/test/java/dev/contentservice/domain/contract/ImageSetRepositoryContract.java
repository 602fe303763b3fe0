package dev.contentservice.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageSetRepository;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ImageSetRepository} must do. Extend it and return a fresh, empty repository. */
public abstract class ImageSetRepositoryContract {

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

    @Test
    void saved_image_set_is_found() {
        EventDraftId draft = Fixtures.uniqueDraft();

        imageSets.save(draft, set("a"));

        assertThat(imageSets.find(draft)).contains(set("a"));
    }

    @Test
    void missing_image_set_is_empty() {
        assertThat(imageSets.find(Fixtures.uniqueDraft())).isEmpty();
    }

    @Test
    void regenerated_image_set_replaces_the_old_one() {
        EventDraftId draft = Fixtures.uniqueDraft();
        imageSets.save(draft, set("old"));

        imageSets.save(draft, set("new"));

        assertThat(imageSets.find(draft)).contains(set("new"));
    }

    @Test
    void image_sets_of_different_drafts_are_kept_apart() {
        EventDraftId a = Fixtures.uniqueDraft();
        EventDraftId b = Fixtures.uniqueDraft();

        imageSets.save(a, set("a"));
        imageSets.save(b, set("b"));

        assertThat(imageSets.find(a)).contains(set("a"));
        assertThat(imageSets.find(b)).contains(set("b"));
    }

    @Test
    void image_set_lives_for_its_ttl_and_no_longer() {
        EventDraftId draft = Fixtures.uniqueDraft();
        imageSets.save(draft, set("short"));

        letTimePass(ImageSet.TTL.minus(TTL_MARGIN));
        assertThat(imageSets.find(draft)).contains(set("short"));

        letTimePass(TTL_MARGIN.multipliedBy(2));
        assertThat(imageSets.find(draft)).isEmpty();
    }
}
