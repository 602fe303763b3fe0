package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.adapter.memory.InMemoryImageSets;
import dev.contentservice.adapter.memory.InMemoryImageStore;
import dev.contentservice.adapter.memory.InMemoryJobStore;
import dev.contentservice.adapter.memory.InMemoryRecommendations;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.DraftImagesNotFoundException;
import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.InvalidImageEditException;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobInFlightException;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.JobType;
import dev.contentservice.domain.RecommendationMissingException;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link RequestImageEdit}: an owner's edit accepted as an IMAGE_EDIT job on the draft's in-flight mark. */
class RequestImageEditTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final ImageEdit EDIT =
            new ImageEdit(ImageStyle.FANCY, Map.of(EditableText.HEADLINE, "새 문구"), Optional.empty());

    private final InMemoryImageSets imageSets = new InMemoryImageSets(CLOCK);
    private final InMemoryJobStore jobs = new InMemoryJobStore(CLOCK, Duration.ofMinutes(1), imageSets);
    private final InMemoryRecommendations recommendations = new InMemoryRecommendations();
    private final ComposePosters posters = new ComposePosters(
            Optional.empty(),
            false,
            TextMode.OVERLAY,
            request -> CompletableFuture.failedFuture(new AssertionError("a request composes nothing")),
            new InMemoryImageStore(CLOCK),
            name -> "http://img/" + name,
            Runnable::run);
    private final RequestImageEdit edits = new RequestImageEdit(
            new EditDraftImages(imageSets, recommendations, posters, CLOCK), jobs, CLOCK, JobMetrics.NONE);
    private final RequestImageGeneration generations =
            new RequestImageGeneration(recommendations, jobs, CLOCK, JobMetrics.NONE);
    private final EventDraftId draft = Fixtures.uniqueDraft();

    private void aSetAndItsRecommendation() {
        recommendations.put(Fixtures.recommendation(draft));
        imageSets.save(draft, DraftImages.made(JobId.random(), ImageSet.of("s", "f", "t"), CLOCK.instant()));
    }

    @Test
    void an_edit_is_submitted_as_a_pending_image_edit_job_carrying_the_edit() {
        aSetAndItsRecommendation();

        Job job = edits.request(draft, EDIT);

        assertThat(job.type()).isEqualTo(JobType.IMAGE_EDIT);
        assertThat(job.edit()).contains(EDIT);
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertThat(jobs.find(job.id())).contains(job);
    }

    @Test
    void an_edit_while_a_generation_of_the_draft_is_in_flight_is_refused_naming_that_job() {
        aSetAndItsRecommendation();
        Job generation = generations.request(draft).job();

        assertThatThrownBy(() -> edits.request(draft, EDIT))
                .isInstanceOfSatisfying(
                        JobInFlightException.class,
                        e -> assertThat(e.inFlight()).isEqualTo(generation.id()));
    }

    @Test
    void a_second_edit_while_the_first_is_in_flight_is_refused() {
        aSetAndItsRecommendation();
        Job first = edits.request(draft, EDIT);

        assertThatThrownBy(() -> edits.request(draft, EDIT))
                .isInstanceOfSatisfying(
                        JobInFlightException.class,
                        e -> assertThat(e.inFlight()).isEqualTo(first.id()));
    }

    @Test
    void a_generation_while_an_edit_is_in_flight_is_refused_rather_than_answered_with_the_edit() {
        aSetAndItsRecommendation();
        Job edit = edits.request(draft, EDIT);

        assertThatThrownBy(() -> generations.request(draft))
                .isInstanceOfSatisfying(
                        JobInFlightException.class,
                        e -> assertThat(e.inFlight()).isEqualTo(edit.id()));
    }

    @Test
    void an_edit_of_a_draft_without_images_is_refused_and_makes_no_job() {
        recommendations.put(Fixtures.recommendation(draft));

        assertThatThrownBy(() -> edits.request(draft, EDIT)).isInstanceOf(DraftImagesNotFoundException.class);
        Job next = Fixtures.newJob(draft);
        assertThat(jobs.submit(next)).isEqualTo(next);
    }

    @Test
    void an_edit_of_a_draft_without_a_recommendation_is_refused() {
        imageSets.save(draft, DraftImages.made(JobId.random(), ImageSet.of("s", "f", "t"), CLOCK.instant()));

        assertThatThrownBy(() -> edits.request(draft, EDIT)).isInstanceOf(RecommendationMissingException.class);
    }

    @Test
    void an_edit_that_empties_the_headline_is_refused_at_once() {
        aSetAndItsRecommendation();
        ImageEdit blank = new ImageEdit(ImageStyle.SIMPLE, Map.of(EditableText.HEADLINE, "  "), Optional.empty());

        assertThatThrownBy(() -> edits.request(draft, blank))
                .isInstanceOfSatisfying(
                        InvalidImageEditException.class,
                        e -> assertThat(e.code()).isEqualTo(InvalidImageEditException.INVALID_TEXT));
    }
}
