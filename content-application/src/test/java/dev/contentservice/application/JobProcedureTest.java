package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.adapter.memory.InMemoryImageSets;
import dev.contentservice.adapter.memory.InMemoryImageStore;
import dev.contentservice.adapter.memory.InMemoryJobStore;
import dev.contentservice.adapter.render.LocalImageRenderer;
import dev.contentservice.application.JobProcedure.Outcome;
import dev.contentservice.domain.ClaimedJob;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobOptions;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.JobQueue.Claim;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.StoreUnavailableException;
import dev.contentservice.domain.StoredStyle;
import dev.contentservice.domain.contract.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The job's procedure on its own: no pollers, no thread pool, every step on the calling thread. */
class JobProcedureTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Executor DIRECT = Runnable::run;
    private static final Duration NOW = Duration.ZERO;

    private final InMemoryImageSets imageSets = new InMemoryImageSets(CLOCK);
    private final InMemoryJobStore store = new InMemoryJobStore(CLOCK, Duration.ofMinutes(1), imageSets);
    private final InMemoryImageStore images = new InMemoryImageStore(CLOCK);
    private final ConcurrentLinkedQueue<ImageStyle> asked = new ConcurrentLinkedQueue<>();
    private final ImageGenerator recording = request -> {
        asked.add(request.style());
        byte[] bytes = ("\u0089PNG" + request.style()).getBytes(StandardCharsets.ISO_8859_1);
        return CompletableFuture.completedFuture(new GeneratedImage(bytes, "image/png", "now"));
    };

    private JobProcedure procedure(WorkerSettings settings) {
        return JobProcedure.of(
                store,
                store,
                recording,
                images,
                name -> "http://img/" + name,
                CLOCK,
                JobMetrics.NONE,
                settings,
                DIRECT);
    }

    private ClaimedJob claim() throws InterruptedException {
        return store.claim(1, NOW).get(0);
    }

    @Test
    void a_claimed_job_is_drawn_stored_and_finished_before_run_returns() throws Exception {
        Job job = store.submit(Fixtures.newJob());

        CompletableFuture<Outcome> outcome =
                procedure(WorkerSettings.defaults()).run(claim());

        assertThat(outcome).isCompletedWithValue(Outcome.DONE);
        assertThat(asked).containsExactlyInAnyOrder(ImageStyle.values());
        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(imageSets.find(job.eventDraftId())).isPresent();
        assertThat(store.claim(1, NOW)).isEmpty(); // acknowledged by the same step
    }

    @Test
    void a_job_taken_over_draws_only_the_styles_not_stored_before() throws Exception {
        Job job = store.submit(Fixtures.newJob());
        ClaimedJob first = claim();
        String keptUrl = "http://img/" + job.id() + "-simple.png";
        store.recordStyles(List.of(new StoredStyle(job.id(), ImageStyle.SIMPLE, keptUrl, "earlier", CLOCK.instant())));
        store.release(first.claim()); // as a dying instance's lease would run out
        ClaimedJob takenOver = claim();

        CompletableFuture<Outcome> outcome =
                procedure(WorkerSettings.defaults()).run(takenOver);

        assertThat(outcome).isCompletedWithValue(Outcome.DONE);
        assertThat(takenOver.stored()).containsOnlyKeys(ImageStyle.SIMPLE);
        assertThat(asked).containsExactlyInAnyOrder(ImageStyle.FANCY, ImageStyle.TRENDY);
        ImageSet set = imageSets.find(job.eventDraftId()).orElseThrow();
        assertThat(set.url(ImageStyle.SIMPLE)).isEqualTo(keptUrl);
        assertThat(store.find(job.id()).orElseThrow().generator()).contains("earlier+now");
    }

    @Test
    void a_job_drawn_but_not_finished_keeps_every_style_it_stored_for_the_next_claim() throws Exception {
        Job job = store.submit(Fixtures.newJob());
        JobQueue finishFails = new JobQueue() {
            @Override
            public List<ClaimedJob> claim(int max, Duration timeout) throws InterruptedException {
                return store.claim(max, timeout);
            }

            @Override
            public Set<Claim> renew(Collection<Claim> claims) {
                return store.renew(claims);
            }

            @Override
            public void complete(Claim claim) {
                store.complete(claim);
            }

            @Override
            public boolean finish(Claim claim, Job outcome, Optional<DraftImages> images) {
                throw new StoreUnavailableException("finish", new java.io.IOException("the store stalled"));
            }

            @Override
            public void release(Claim claim) {
                store.release(claim);
            }
        };
        ClaimedJob first = claim();

        CompletableFuture<Outcome> outcome = JobProcedure.of(
                        finishFails,
                        store,
                        recording,
                        images,
                        name -> "http://img/" + name,
                        CLOCK,
                        JobMetrics.NONE,
                        WorkerSettings.defaults(),
                        DIRECT)
                .run(first);

        assertThat(outcome).isCompletedWithValue(Outcome.RETRY_LATER);
        store.release(first.claim()); // as its lease would run out
        assertThat(claim().stored()).containsOnlyKeys(ImageStyle.values());
        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
    }

    private JobProcedure composing() {
        ComposePosters posters = new ComposePosters(
                Optional.empty(),
                false,
                TextMode.OVERLAY,
                new LocalImageRenderer(),
                images,
                name -> "http://img/" + name,
                DIRECT);
        return new JobProcedure(
                store,
                recording,
                images,
                name -> "http://img/" + name,
                CLOCK,
                JobMetrics.NONE,
                WorkerSettings.defaults(),
                DIRECT,
                new ProgressMarks(store, DIRECT, null, Duration.ZERO),
                JobLogContext.NONE,
                Optional.of(posters),
                Optional.empty());
    }

    @Test
    void a_job_without_a_body_drawn_through_the_posters_keeps_the_seeds_record_without_further_formats()
            throws Exception {
        Job job = store.submit(Fixtures.newJob());

        CompletableFuture<Outcome> outcome = composing().run(claim());

        // the renderer composes on its own threads
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.DONE);
        assertThat(asked).isEmpty(); // the posters draw, not the plain generator
        DraftImages set = imageSets.latest(job.eventDraftId()).orElseThrow();
        assertThat(set.formats()).isEmpty();
        assertThat(set.images().url(ImageStyle.FANCY)).isEqualTo("http://img/" + job.id() + "-fancy.png");
        assertThat(store.find(job.id()).orElseThrow().generator()).contains("local");
    }

    @Test
    void a_job_asking_for_formats_taken_over_records_every_format_of_the_kept_style_too() throws Exception {
        Job job = store.submit(Fixtures.newJob()
                .withOptions(JobOptions.DEFAULT.withFormats(Set.of(PosterFormat.SQUARE, PosterFormat.STORY))));
        ClaimedJob first = claim();
        String keptUrl = "http://img/" + job.id() + "-simple.png";
        store.recordStyles(List.of(new StoredStyle(job.id(), ImageStyle.SIMPLE, keptUrl, "local", CLOCK.instant())));
        store.release(first.claim());

        CompletableFuture<Outcome> outcome = composing().run(claim());

        // the renderer composes on its own threads
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.DONE);
        DraftImages set = imageSets.latest(job.eventDraftId()).orElseThrow();
        assertThat(set.formats()).containsOnlyKeys(PosterFormat.SQUARE, PosterFormat.STORY);
        assertThat(set.formats().get(PosterFormat.SQUARE)).isEqualTo(set.images());
        assertThat(set.images().url(ImageStyle.SIMPLE)).isEqualTo(keptUrl);
        assertThat(set.formats().get(PosterFormat.STORY).url(ImageStyle.SIMPLE))
                .isEqualTo("http://img/" + job.id() + "-simple-story.png");
        assertThat(set.formats().get(PosterFormat.STORY).url(ImageStyle.TRENDY))
                .isEqualTo("http://img/" + job.id() + "-trendy-story.png");
        assertThat(images.get(new ImageFileName(job.id() + "-trendy-story.png")))
                .isPresent();
    }

    @Test
    void styles_stored_before_the_last_one_are_recorded_on_the_job_as_they_are_stored() throws Exception {
        Job job = store.submit(Fixtures.newJob());
        CompletableFuture<GeneratedImage> trendy = new CompletableFuture<>();
        JobProcedure procedure = JobProcedure.of(
                store,
                store,
                request -> request.style() == ImageStyle.TRENDY ? trendy : recording.generate(request),
                images,
                name -> "http://img/" + name,
                CLOCK,
                JobMetrics.NONE,
                WorkerSettings.defaults(),
                DIRECT);

        CompletableFuture<Outcome> outcome = procedure.run(claim());

        assertThat(outcome).isNotDone();
        assertThat(store.find(job.id()).orElseThrow().stylesDone())
                .containsExactlyInAnyOrder(ImageStyle.SIMPLE, ImageStyle.FANCY);
        trendy.complete(new GeneratedImage("\u0089PNGt".getBytes(StandardCharsets.ISO_8859_1), "image/png", "now"));
        assertThat(outcome).isCompletedWithValue(Outcome.DONE);
    }

    @Test
    void a_job_claimed_more_often_than_allowed_fails_as_poisoned_without_drawing() throws Exception {
        InMemoryJobStore shortLeases = new InMemoryJobStore(CLOCK, Duration.ofMillis(50), imageSets);
        Job job = shortLeases.submit(Fixtures.newJob());
        shortLeases.release(shortLeases.claim(1, NOW).get(0).claim()); // a hand-over is not an attempt
        ClaimedJob claimed = shortLeases.claim(1, NOW).get(0);
        for (int death = 0; death < 2; death++) { // two workers die holding it: their leases run out
            claimed = shortLeases.claim(1, Duration.ofSeconds(10)).get(0);
        }
        JobProcedure procedure = JobProcedure.of(
                shortLeases,
                shortLeases,
                recording,
                images,
                name -> "http://img/" + name,
                CLOCK,
                JobMetrics.NONE,
                WorkerSettings.defaults().withMaxAttempts(2),
                DIRECT);

        CompletableFuture<Outcome> outcome = procedure.run(claimed);

        assertThat(claimed.claim().attempt()).isEqualTo(3);
        assertThat(outcome).isCompletedWithValue(Outcome.DONE);
        assertThat(asked).isEmpty();
        assertThat(shortLeases
                        .find(job.id())
                        .orElseThrow()
                        .failure()
                        .orElseThrow()
                        .code())
                .isEqualTo(JobFailure.POISONED);
    }
}
