package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.adapter.memory.InMemoryImageSets;
import dev.contentservice.adapter.memory.InMemoryImageStore;
import dev.contentservice.adapter.memory.InMemoryJobStore;
import dev.contentservice.adapter.memory.InMemoryRecommendations;
import dev.contentservice.application.JobProcedure.Outcome;
import dev.contentservice.domain.ClaimedJob;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.JobType;
import dev.contentservice.domain.PosterComposer;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.PosterRequest;
import dev.contentservice.domain.contract.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The procedure's {@code IMAGE_EDIT} branch: the owner's edit is applied through {@link EditDraftImages}, the
 * job finishes without storing a set over the restyled one, under the same deadline and failure rules as a
 * generation, and the draft's in-flight mark is cleared either way.
 */
class JobProcedureEditTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Executor DIRECT = Runnable::run;
    private static final Duration NOW = Duration.ZERO;
    private static final ImageEdit FANCY_HEADLINE =
            new ImageEdit(ImageStyle.FANCY, Map.of(EditableText.HEADLINE, "화려한 봄 축제"), Optional.empty());

    private final InMemoryImageSets imageSets = new InMemoryImageSets(CLOCK);
    private final InMemoryJobStore store = new InMemoryJobStore(CLOCK, Duration.ofMinutes(1), imageSets);
    private final InMemoryImageStore images = new InMemoryImageStore(CLOCK);
    private final InMemoryRecommendations recommendations = new InMemoryRecommendations();
    private final ConcurrentLinkedQueue<PosterRequest> composed = new ConcurrentLinkedQueue<>();
    private final EventDraftId draft = Fixtures.uniqueDraft();
    private final JobId madeBy = JobId.random();
    private DraftImages before;

    /** A composer that answers at once with a small image naming the words it set. */
    private final PosterComposer recording = request -> {
        composed.add(request);
        byte[] bytes = ("\u0089PNG " + request.format() + " " + request.copy().get(EditableText.HEADLINE))
                .getBytes(StandardCharsets.UTF_8);
        return CompletableFuture.completedFuture(new GeneratedImage(bytes, "image/png", "local"));
    };

    @BeforeEach
    void aSetOfThreeStylesInTwoFormatsWithTheOwnersChoice() {
        recommendations.put(Fixtures.recommendation(draft));
        ImageSet square = urls(madeBy, "");
        ImageSet story = urls(madeBy, "-story");
        imageSets.save(
                draft,
                DraftImages.made(madeBy, square, CLOCK.instant())
                        .withFormats(Map.of(PosterFormat.SQUARE, square, PosterFormat.STORY, story)));
        imageSets.select(draft, ImageStyle.TRENDY);
        before = imageSets.latest(draft).orElseThrow();
    }

    private static ImageSet urls(JobId job, String suffix) {
        return ImageSet.of(
                "http://img/" + job + "-simple" + suffix + ".png",
                "http://img/" + job + "-fancy" + suffix + ".png",
                "http://img/" + job + "-trendy" + suffix + ".png");
    }

    private final JobDurationEstimator estimates = new JobDurationEstimator(CLOCK);

    private JobProcedure procedure(PosterComposer composer, WorkerSettings settings, boolean withEdits) {
        ComposePosters posters = new ComposePosters(
                Optional.empty(), false, TextMode.OVERLAY, composer, images, name -> "http://img/" + name, DIRECT);
        Optional<EditDraftImages> edits = withEdits
                ? Optional.of(new EditDraftImages(imageSets, recommendations, posters, CLOCK))
                : Optional.empty();
        return new JobProcedure(
                store,
                request -> CompletableFuture.failedFuture(new AssertionError("an edit never calls the generator")),
                images,
                name -> "http://img/" + name,
                CLOCK,
                estimates,
                settings,
                DIRECT,
                new ProgressMarks(store, DIRECT, null, Duration.ZERO),
                JobLogContext.NONE,
                Optional.of(posters),
                edits);
    }

    private JobProcedure procedure(PosterComposer composer) {
        return procedure(composer, WorkerSettings.defaults(), true);
    }

    private Job submitEdit() {
        Job job = Job.edit(JobId.random(), Fixtures.recommendation(draft), FANCY_HEADLINE, CLOCK);
        assertThat(store.submit(job)).isEqualTo(job);
        return job;
    }

    private ClaimedJob claim() throws InterruptedException {
        return store.claim(1, NOW).get(0);
    }

    /** Whether the draft's in-flight mark is gone: a new submit for it makes a new job. */
    private boolean markCleared() {
        Job next = Fixtures.newJob(draft);
        return store.submit(next).id().equals(next.id());
    }

    @Test
    void an_edit_re_sets_the_style_in_every_format_of_the_set_and_completes_without_storing_a_set_over_it()
            throws Exception {
        Job job = submitEdit();

        CompletableFuture<Outcome> outcome = procedure(recording).run(claim());

        assertThat(outcome).isCompletedWithValue(Outcome.DONE);
        Job done = store.find(job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.type()).isEqualTo(JobType.IMAGE_EDIT);
        assertThat(done.generator()).contains(JobProcedure.EDIT_GENERATOR);
        assertThat(composed)
                .extracting(PosterRequest::format)
                .containsExactlyInAnyOrder(PosterFormat.SQUARE, PosterFormat.STORY);
        assertThat(composed).allSatisfy(request -> {
            assertThat(request.style()).isEqualTo(ImageStyle.FANCY);
            assertThat(request.copy().get(EditableText.HEADLINE)).isEqualTo("화려한 봄 축제");
        });
        DraftImages after = imageSets.latest(draft).orElseThrow();
        assertThat(after.jobId()).as("still the generation's set").isEqualTo(madeBy);
        assertThat(after.selected()).as("the choice a stored set would drop").contains(ImageStyle.TRENDY);
        assertThat(after.images().url(ImageStyle.FANCY)).isEqualTo("http://img/" + job.id() + "-fancy.png");
        assertThat(after.formats().get(PosterFormat.STORY).url(ImageStyle.FANCY))
                .isEqualTo("http://img/" + job.id() + "-fancy-story.png");
        assertThat(after.images().url(ImageStyle.SIMPLE))
                .isEqualTo(before.images().url(ImageStyle.SIMPLE));
        assertThat(after.formats().get(PosterFormat.STORY).url(ImageStyle.TRENDY))
                .isEqualTo(before.formats().get(PosterFormat.STORY).url(ImageStyle.TRENDY));
        assertThat(after.editedAt()).isPresent();
        assertThat(store.claim(1, NOW)).isEmpty();
        assertThat(markCleared()).isTrue();
    }

    @Test
    void a_completed_edit_does_not_feed_the_generations_duration_estimate() throws Exception {
        submitEdit();

        procedure(recording).run(claim()).get(10, TimeUnit.SECONDS);

        assertThat(estimates.typicalDuration()).isEmpty();
    }

    @Test
    void a_completed_edit_reads_as_the_sets_current_images_in_every_format() throws Exception {
        Job job = submitEdit();
        procedure(recording).run(claim()).get(10, TimeUnit.SECONDS);

        JobStatusView view = new ReadJobStatus(store, imageSets, CLOCK).read(job.id());

        assertThat(view).isInstanceOf(JobStatusView.Completed.class);
        JobStatusView.Completed completed = (JobStatusView.Completed) view;
        DraftImages now = imageSets.latest(draft).orElseThrow();
        assertThat(completed.images()).isEqualTo(now.images());
        assertThat(completed.formats()).isEqualTo(now.formats());
        assertThat(completed.images().url(ImageStyle.FANCY)).contains(job.id().toString());
    }

    @Test
    void a_composer_that_fails_ends_the_edit_failed_with_its_code_and_the_set_untouched() throws Exception {
        Job job = submitEdit();
        PosterComposer failing = request -> CompletableFuture.failedFuture(
                new ImageGenerationException(ImageGenerationException.BAD_RESPONSE, "the art is not a picture"));

        CompletableFuture<Outcome> outcome = procedure(failing).run(claim());

        assertThat(outcome).isCompletedWithValue(Outcome.DONE);
        Job failed = store.find(job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.failure().orElseThrow().code()).isEqualTo(ImageGenerationException.BAD_RESPONSE);
        assertThat(imageSets.latest(draft)).contains(before);
        assertThat(markCleared()).isTrue();
    }

    @Test
    void an_edit_whose_set_is_gone_ends_failed_with_content_004() throws Exception {
        Job job = submitEdit();
        // the set the edit was accepted for expired before the worker got to it
        InMemoryImageSets empty = new InMemoryImageSets(CLOCK);
        ComposePosters posters = new ComposePosters(
                Optional.empty(), false, TextMode.OVERLAY, recording, images, name -> "http://img/" + name, DIRECT);
        JobProcedure procedure = new JobProcedure(
                store,
                request -> CompletableFuture.failedFuture(new AssertionError("no generator")),
                images,
                name -> "http://img/" + name,
                CLOCK,
                JobMetrics.NONE,
                WorkerSettings.defaults(),
                DIRECT,
                new ProgressMarks(store, DIRECT, null, Duration.ZERO),
                JobLogContext.NONE,
                Optional.of(posters),
                Optional.of(new EditDraftImages(empty, recommendations, posters, CLOCK)));

        CompletableFuture<Outcome> outcome = procedure.run(claim());

        assertThat(outcome).isCompletedWithValue(Outcome.DONE);
        Job failed = store.find(job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.failure().orElseThrow().code()).isEqualTo("CONTENT_004");
        assertThat(composed).isEmpty();
        assertThat(markCleared()).isTrue();
    }

    @Test
    void a_composer_that_throws_unexpectedly_ends_the_edit_failed_as_an_internal_error() throws Exception {
        Job job = submitEdit();
        PosterComposer throwing = request -> {
            throw new IllegalStateException("a bug in the composer");
        };

        procedure(throwing).run(claim()).get(10, TimeUnit.SECONDS);

        Job failed = store.find(job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.failure().orElseThrow().code()).isEqualTo(JobFailure.INTERNAL);
        assertThat(markCleared()).isTrue();
    }

    @Test
    void an_edit_still_running_at_its_deadline_ends_failed_with_the_timeout_and_the_set_untouched() throws Exception {
        Job job = submitEdit();
        CompletableFuture<GeneratedImage> never = new CompletableFuture<>();
        PosterComposer hanging = request -> never;

        CompletableFuture<Outcome> outcome = procedure(
                        hanging, WorkerSettings.defaults().withJobDeadline(Duration.ofMillis(200)), true)
                .run(claim());

        assertThat(outcome.get(20, TimeUnit.SECONDS)).isEqualTo(Outcome.DONE);
        Job failed = store.find(job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.failure().orElseThrow().code()).isEqualTo(JobFailure.DEADLINE);
        assertThat(imageSets.latest(draft)).contains(before);
        assertThat(markCleared()).isTrue();
    }

    @Test
    void a_worker_built_without_the_edit_use_case_fails_an_edit_instead_of_leaving_it_unfinished() throws Exception {
        Job job = submitEdit();

        CompletableFuture<Outcome> outcome =
                procedure(recording, WorkerSettings.defaults(), false).run(claim());

        assertThat(outcome).isCompletedWithValue(Outcome.DONE);
        assertThat(store.find(job.id()).orElseThrow().failure().orElseThrow().code())
                .isEqualTo(JobFailure.INTERNAL);
        assertThat(markCleared()).isTrue();
    }

    @Test
    void an_edit_taken_over_after_its_claim_was_lost_simply_runs_again_from_the_kept_set() throws Exception {
        Job job = submitEdit();
        ClaimedJob first = claim();
        store.release(first.claim()); // as a dying instance's lease would run out
        ClaimedJob takenOver = claim();

        CompletableFuture<Outcome> outcome = procedure(recording).run(takenOver);

        assertThat(takenOver.claim().attempt()).isEqualTo(1); // a release is not counted as an attempt
        assertThat(outcome).isCompletedWithValue(Outcome.DONE);
        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(imageSets.latest(draft).orElseThrow().images().url(ImageStyle.FANCY))
                .isEqualTo("http://img/" + job.id() + "-fancy.png");
    }

    @Test
    void running_the_same_edit_twice_re_sets_the_same_images_and_keeps_the_set_pointing_at_them() throws Exception {
        Job job = submitEdit();
        ClaimedJob claimed = claim();
        EditDraftImages edits = new EditDraftImages(
                imageSets,
                recommendations,
                new ComposePosters(
                        Optional.empty(),
                        false,
                        TextMode.OVERLAY,
                        recording,
                        images,
                        name -> "http://img/" + name,
                        DIRECT),
                CLOCK);
        DraftImages once = edits.apply(draft, job.id(), FANCY_HEADLINE).get(10, TimeUnit.SECONDS);

        procedure(recording).run(claimed).get(10, TimeUnit.SECONDS);

        DraftImages twice = imageSets.latest(draft).orElseThrow();
        assertThat(twice.images()).isEqualTo(once.images());
        assertThat(twice.formats()).isEqualTo(once.formats());
        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
    }
}
