package dev.contentservice.domain.contract;

import static dev.contentservice.domain.contract.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobMetadata;
import dev.contentservice.domain.JobOptions;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.JobType;
import dev.contentservice.domain.NewJob;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.RecommendationMissingException;
import dev.contentservice.domain.RecommendationSource;
import dev.contentservice.domain.StoredStyle;
import dev.contentservice.domain.WebhookTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JobRepository} must do. Extend it and return a fresh, empty repository. */
public abstract class JobRepositoryContract {

    protected JobRepository jobs;

    /** Room either side of a TTL, for stores whose time also runs on its own while a test runs. */
    protected static final Duration TTL_MARGIN = Duration.ofMinutes(1);

    protected abstract JobRepository createJobRepository();

    /**
     * Lets {@code duration} pass for the repository returned last: move its clock, or age the server's
     * keys. Tests never wait for a TTL.
     */
    protected abstract void letTimePass(Duration duration);

    /** What {@link #recommendations()} holds unless a backend gives its own. */
    private final Map<EventDraftId, Recommendation> suiteRecommendations = new ConcurrentHashMap<>();

    /**
     * The recommendations the new-job submits read: by default a source of the suite's own. A backend whose
     * submit reads its own records in the same step (Redis) returns its own source here, of the repository
     * returned last, and overrides {@link #storeRecommendation} with it.
     */
    protected RecommendationSource recommendations() {
        return draft -> Optional.ofNullable(suiteRecommendations.get(draft));
    }

    /** Stores (or replaces) a draft's recommendation in {@link #recommendations()} as the AI service would. */
    protected void storeRecommendation(Recommendation recommendation) {
        suiteRecommendations.put(recommendation.eventDraftId(), recommendation);
    }

    @BeforeEach
    void setUpRepository() {
        jobs = createJobRepository();
    }

    @Test
    void submitted_job_is_found_with_every_field() {
        Job job = Fixtures.newJob();

        Job answer = jobs.submit(job);

        assertThat(answer).isEqualTo(job);
        assertThat(jobs.find(job.id())).contains(job);
    }

    @Test
    void options_of_a_job_are_found_with_it_and_kept_by_its_updates() {
        JobOptions options = JobOptions.DEFAULT
                .withFormats(Set.of(PosterFormat.SQUARE, PosterFormat.STORY))
                .withWebhook(WebhookTarget.parse("https://hooks.example.com/content?id=7")
                        .orElseThrow())
                .withMetadata(JobMetadata.of("{\"orderId\":\"A-17\",\"메모\":\"봄 ☕\"}"));
        Job job = Job.create(JobId.random(), Fixtures.recommendation(Fixtures.uniqueDraft()), options, CLOCK);
        jobs.submit(job);

        Job started = job.start(CLOCK);
        jobs.update(started);
        jobs.update(started.fail(JobFailure.of(JobFailure.CANCELED, "canceled"), CLOCK));

        Job found = jobs.find(job.id()).orElseThrow();
        assertThat(found.options()).isEqualTo(options);
        assertThat(found.failure().orElseThrow().code()).isEqualTo(JobFailure.CANCELED);
    }

    @Test
    void an_edit_job_is_found_with_its_type_and_edit_and_keeps_them_through_its_updates() {
        ImageEdit edit = new ImageEdit(
                ImageStyle.FANCY,
                Map.of(EditableText.HEADLINE, "봄맞이 \"특가\" ☕ Café", EditableText.DESCRIPTION, "첫 줄\n둘째 줄"),
                Optional.of(new ImageEdit.Palette(Optional.of("#1A2B3C"), Optional.empty(), Optional.of("#ffcc00"))));
        Job job = Job.edit(JobId.random(), Fixtures.recommendation(Fixtures.uniqueDraft()), edit, CLOCK);

        Job answer = jobs.submit(job);
        Job completed = job.start(CLOCK).complete("local", CLOCK);
        jobs.update(job.start(CLOCK));
        jobs.update(completed);

        assertThat(answer).isEqualTo(job);
        Job found = jobs.find(job.id()).orElseThrow();
        assertThat(found).isEqualTo(completed);
        assertThat(found.type()).isEqualTo(JobType.IMAGE_EDIT);
        assertThat(found.edit()).contains(edit);
    }

    @Test
    void an_edit_without_a_palette_or_with_an_emptied_text_survives_the_round_trip() {
        ImageEdit edit = new ImageEdit(
                ImageStyle.TRENDY, Map.of(EditableText.PRIZE, "", EditableText.STORE, "카페 루미에르"), Optional.empty());
        Job job = Job.edit(JobId.random(), Fixtures.recommendation(Fixtures.uniqueDraft()), edit, CLOCK);

        jobs.submit(job);

        assertThat(jobs.find(job.id())).contains(job);
    }

    @Test
    void a_generation_job_is_of_type_image_gen() {
        Job job = Fixtures.newJob();

        jobs.submit(job);

        assertThat(jobs.find(job.id()).orElseThrow().type()).isEqualTo(JobType.IMAGE_GEN);
    }

    @Test
    void an_edit_uses_the_drafts_in_flight_mark_like_a_generation() {
        EventDraftId draft = Fixtures.uniqueDraft();
        Job generation = jobs.submit(Job.create(JobId.random(), Fixtures.recommendation(draft), CLOCK));
        ImageEdit edit = new ImageEdit(ImageStyle.FANCY, Map.of(EditableText.HEADLINE, "새 문구"), Optional.empty());

        Job answer = jobs.submit(Job.edit(JobId.random(), Fixtures.recommendation(draft), edit, CLOCK));

        assertThat(answer).isEqualTo(generation);
    }

    @Test
    void unknown_job_is_not_found() {
        assertThat(jobs.find(JobId.random())).isEmpty();
    }

    @Test
    void second_submit_for_a_draft_in_flight_answers_the_first_job() {
        EventDraftId draft = Fixtures.uniqueDraft();
        Job first = jobs.submit(Fixtures.newJob(draft));

        Job second = jobs.submit(Fixtures.newJob(draft));

        assertThat(second.id()).isEqualTo(first.id());
    }

    @Test
    void submit_answers_the_in_flight_job_while_it_is_processing() {
        EventDraftId draft = Fixtures.uniqueDraft();
        Job first = jobs.submit(Fixtures.newJob(draft));
        jobs.update(Fixtures.started(first));

        Job second = jobs.submit(Fixtures.newJob(draft));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.status()).isEqualTo(JobStatus.PROCESSING);
    }

    @Test
    void submit_after_the_draft_job_ended_creates_a_new_job() {
        EventDraftId draft = Fixtures.uniqueDraft();
        Job first = jobs.submit(Fixtures.newJob(draft));
        Fixtures.storeCompleted(jobs, first);
        Job regenerate = Fixtures.newJob(draft);

        Job answer = jobs.submit(regenerate);

        assertThat(answer.id()).isEqualTo(regenerate.id());
        assertThat(jobs.find(first.id())).map(Job::status).contains(JobStatus.COMPLETED);
    }

    @Test
    void submit_after_the_draft_job_failed_creates_a_new_job() {
        EventDraftId draft = Fixtures.uniqueDraft();
        Job first = jobs.submit(Fixtures.newJob(draft));
        jobs.update(first.fail(JobFailure.of("IMAGEGEN_REJECTED", "refused"), CLOCK));
        Job regenerate = Fixtures.newJob(draft);

        assertThat(jobs.submit(regenerate).id()).isEqualTo(regenerate.id());
    }

    @Test
    void jobs_of_different_drafts_are_independent() {
        Job a = jobs.submit(Fixtures.newJob());
        Job b = jobs.submit(Fixtures.newJob());

        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(jobs.find(a.id())).isPresent();
        assertThat(jobs.find(b.id())).isPresent();
    }

    @Test
    void concurrent_submits_for_one_draft_yield_one_job() throws Exception {
        EventDraftId draft = Fixtures.uniqueDraft();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Job>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Job> submit = () -> {
                    go.await();
                    return jobs.submit(Fixtures.newJob(draft));
                };
                answers.add(pool.submit(submit));
            }

            go.countDown();
            Set<JobId> ids = new HashSet<>();
            for (Future<Job> answer : answers) {
                ids.add(answer.get().id());
            }

            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void job_moves_forward_through_its_life_cycle() {
        Job job = jobs.submit(Fixtures.newJob());
        Job processing = job.start(CLOCK);
        Job halfway = processing.styleDone(ImageStyle.SIMPLE, CLOCK);
        Job done = halfway.complete("local", CLOCK);

        assertThat(jobs.update(processing)).isTrue();
        assertThat(jobs.update(halfway)).isTrue();
        assertThat(jobs.find(job.id())).contains(halfway);
        assertThat(jobs.update(done)).isTrue();

        assertThat(jobs.find(job.id())).contains(done);
    }

    @Test
    void failed_job_keeps_its_failure() {
        Job job = jobs.submit(Fixtures.newJob());
        Job failed = job.start(CLOCK).fail(JobFailure.of("IMAGEGEN_TIMEOUT", "provider took too long"), CLOCK);

        assertThat(jobs.update(failed)).isTrue();

        Job stored = jobs.find(job.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored.failure()).contains(JobFailure.of("IMAGEGEN_TIMEOUT", "provider took too long"));
    }

    @Test
    void completed_job_is_never_overwritten() {
        Job job = jobs.submit(Fixtures.newJob());
        Job processing = job.start(CLOCK);
        jobs.update(processing);
        Job completed = processing.complete("local", CLOCK);
        jobs.update(completed);

        boolean lateFailure = jobs.update(processing.fail(JobFailure.of("IMAGEGEN_TIMEOUT", "late"), CLOCK));
        boolean lateProgress = jobs.update(processing.styleDone(ImageStyle.FANCY, CLOCK));
        boolean lateStart = jobs.update(job.start(CLOCK));

        assertThat(List.of(lateFailure, lateProgress, lateStart)).containsOnly(false);
        assertThat(jobs.find(job.id())).contains(completed);
    }

    @Test
    void failed_job_is_never_overwritten() {
        Job job = jobs.submit(Fixtures.newJob());
        Job processing = job.start(CLOCK);
        jobs.update(processing);
        Job failed = processing.fail(JobFailure.of("IMAGEGEN_REJECTED", "policy"), CLOCK);
        jobs.update(failed);

        assertThat(jobs.update(processing.complete("local", CLOCK))).isFalse();

        assertThat(jobs.find(job.id())).contains(failed);
    }

    @Test
    void processing_job_never_goes_back_to_pending() {
        Job job = jobs.submit(Fixtures.newJob());
        jobs.update(job.start(CLOCK));

        assertThat(jobs.update(job)).isFalse();

        assertThat(jobs.find(job.id())).map(Job::status).contains(JobStatus.PROCESSING);
    }

    @Test
    void update_of_a_missing_job_writes_nothing() {
        Job never = Fixtures.newJob();

        assertThat(jobs.update(never.start(CLOCK))).isFalse();

        assertThat(jobs.find(never.id())).isEmpty();
    }

    @Test
    void job_lives_for_its_ttl_and_no_longer() {
        Job job = jobs.submit(Fixtures.newJob());

        letTimePass(Job.TTL.minus(TTL_MARGIN));
        assertThat(jobs.find(job.id())).contains(job);

        letTimePass(TTL_MARGIN.multipliedBy(2));
        assertThat(jobs.find(job.id())).isEmpty();
    }

    @Test
    void an_expired_in_flight_job_does_not_block_a_new_submit() {
        EventDraftId draft = Fixtures.uniqueDraft();
        Job first = jobs.submit(Fixtures.newJob(draft));
        letTimePass(Job.TTL.plus(TTL_MARGIN));
        Job second = Fixtures.newJob(draft);

        assertThat(jobs.submit(second).id()).isEqualTo(second.id());
        assertThat(jobs.find(first.id())).isEmpty();
    }

    @Test
    void an_update_keeps_the_ttl_the_submit_set() {
        Job job = jobs.submit(Fixtures.newJob());
        letTimePass(Job.TTL.minus(TTL_MARGIN));

        assertThat(jobs.update(job.start(CLOCK))).isTrue();
        letTimePass(TTL_MARGIN.multipliedBy(2));

        assertThat(jobs.find(job.id())).isEmpty();
    }

    @Test
    void every_pair_of_stored_and_next_status_is_written_exactly_when_the_transition_table_allows_it() {
        int written = 0;
        for (JobStatus stored : JobStatus.values()) {
            for (JobStatus next : JobStatus.values()) {
                Job submitted = jobs.submit(Fixtures.newJob());
                Job current = storeIn(submitted, stored);

                boolean answer = jobs.update(inStatus(submitted, next));

                boolean allowed = stored.mayBecome(next);
                assertThat(answer).as("update %s -> %s", stored, next).isEqualTo(allowed);
                assertThat(jobs.find(submitted.id()))
                        .as("stored after %s -> %s", stored, next)
                        .map(Job::status)
                        .contains(allowed ? next : stored);
                if (!allowed) {
                    assertThat(jobs.find(submitted.id())).contains(current);
                } else {
                    written++;
                }
            }
        }
        assertThat(written).isEqualTo(5);
    }

    /** Moves a just-submitted PENDING job to {@code status} in the store, by allowed steps; the stored job. */
    private Job storeIn(Job pending, JobStatus status) {
        Job current = pending;
        if (status == JobStatus.PENDING) {
            return current;
        }
        if (status == JobStatus.FAILED) {
            current = current.fail(JobFailure.of("IMAGEGEN_REJECTED", "refused"), CLOCK);
        } else {
            current = current.start(CLOCK);
            assertThat(jobs.update(current)).isTrue();
            if (status == JobStatus.COMPLETED) {
                current = current.complete("local", CLOCK);
            }
        }
        if (current.status() != JobStatus.PROCESSING) {
            assertThat(jobs.update(current)).isTrue();
        }
        assertThat(jobs.find(current.id())).contains(current);
        return current;
    }

    /** The same job in {@code status}, built directly (the table is the store's to check, not Job's here). */
    private static Job inStatus(Job job, JobStatus status) {
        return new Job(
                job.id(),
                job.eventDraftId(),
                status,
                job.createdAt(),
                job.updatedAt().plusSeconds(1),
                job.recommendation(),
                status == JobStatus.COMPLETED ? Set.copyOf(Fixtures.styles()) : Set.of(ImageStyle.SIMPLE),
                status == JobStatus.FAILED ? Optional.of(JobFailure.of("IMAGEGEN_TIMEOUT", "late")) : Optional.empty(),
                status == JobStatus.COMPLETED ? Optional.of("local") : Optional.empty(),
                job.options(),
                job.edit());
    }

    @Test
    void sparse_recommendation_snapshot_survives_the_round_trip() {
        Job job = Job.create(JobId.random(), Fixtures.sparseRecommendation(Fixtures.uniqueDraft()), CLOCK);

        jobs.submit(job);

        assertThat(jobs.find(job.id())).contains(job);
    }

    @Test
    void recorded_styles_are_progress_of_a_processing_job() {
        JobRepository jobs = createJobRepository();
        Job job = jobs.submit(Fixtures.newJob());
        jobs.update(Fixtures.started(job));
        Instant at = Fixtures.CLOCK.instant().plusSeconds(5);

        jobs.recordStyles(List.of(new StoredStyle(job.id(), ImageStyle.TRENDY, "http://img/t.png", "gen", at)));
        jobs.recordStyles(List.of(new StoredStyle(job.id(), ImageStyle.SIMPLE, "http://img/s.png", "gen", at)));

        Job stored = jobs.find(job.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(stored.stylesDone()).containsExactlyInAnyOrder(ImageStyle.TRENDY, ImageStyle.SIMPLE);
        assertThat(stored.updatedAt()).isEqualTo(at);
    }

    @Test
    void recorded_styles_never_touch_a_finished_or_pending_job() {
        JobRepository jobs = createJobRepository();
        Job finished = jobs.submit(Fixtures.newJob());
        Fixtures.storeCompleted(jobs, finished);
        Job completed = jobs.find(finished.id()).orElseThrow();
        Job pending = jobs.submit(Fixtures.newJob());
        Instant at = Fixtures.CLOCK.instant().plusSeconds(5);

        jobs.recordStyles(List.of(
                new StoredStyle(finished.id(), ImageStyle.SIMPLE, "http://x", "gen", at),
                new StoredStyle(pending.id(), ImageStyle.SIMPLE, "http://y", "gen", at)));

        assertThat(jobs.find(finished.id()).orElseThrow()).isEqualTo(completed);
        assertThat(jobs.find(pending.id()).orElseThrow()).isEqualTo(pending);
    }

    @Test
    void a_new_job_reads_its_draft_recommendation_as_it_is_submitted() {
        Recommendation recommendation = Fixtures.recommendation(Fixtures.uniqueDraft());
        storeRecommendation(recommendation);
        JobOptions options = JobOptions.DEFAULT.withFormats(Set.of(PosterFormat.STORY));
        NewJob candidate = NewJob.of(recommendation.eventDraftId(), options, CLOCK);

        Job job = jobs.submit(candidate, recommendations());

        assertThat(job).isEqualTo(candidate.with(recommendation));
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertThat(jobs.find(candidate.id())).contains(job);
    }

    @Test
    void a_new_job_keeps_the_recommendation_it_read_when_the_ai_record_changes() {
        EventDraftId draft = Fixtures.uniqueDraft();
        Recommendation first = Fixtures.recommendation(draft);
        storeRecommendation(first);
        Job job = jobs.submit(NewJob.of(draft, JobOptions.DEFAULT, CLOCK), recommendations());

        storeRecommendation(Fixtures.sparseRecommendation(draft));

        assertThat(jobs.find(job.id()).orElseThrow().recommendation()).isEqualTo(first);
    }

    @Test
    void a_new_job_without_a_recommendation_is_refused_and_leaves_its_draft_free() {
        EventDraftId draft = Fixtures.uniqueDraft();
        NewJob refused = NewJob.of(draft, JobOptions.DEFAULT, CLOCK);

        assertThatThrownBy(() -> jobs.submit(refused, recommendations()))
                .isInstanceOf(RecommendationMissingException.class);

        assertThat(jobs.find(refused.id())).isEmpty();
        storeRecommendation(Fixtures.recommendation(draft));
        NewJob next = NewJob.of(draft, JobOptions.DEFAULT, CLOCK);
        assertThat(jobs.submit(next, recommendations()).id()).isEqualTo(next.id());
    }

    @Test
    void a_new_job_while_its_draft_has_one_in_flight_is_answered_with_that_job() {
        Recommendation recommendation = Fixtures.recommendation(Fixtures.uniqueDraft());
        storeRecommendation(recommendation);
        Job first = jobs.submit(Fixtures.newJob(recommendation.eventDraftId()));
        Job second =
                jobs.submit(NewJob.of(recommendation.eventDraftId(), JobOptions.DEFAULT, CLOCK), recommendations());
        NewJob third = NewJob.of(recommendation.eventDraftId(), JobOptions.DEFAULT, CLOCK);

        Job answer = jobs.submit(third, recommendations());

        assertThat(second).isEqualTo(first);
        assertThat(answer).isEqualTo(first);
        assertThat(jobs.find(third.id())).isEmpty();
    }

    @Test
    void a_new_job_reads_any_source_it_is_given() {
        Recommendation elsewhere = Fixtures.sparseRecommendation(Fixtures.uniqueDraft());
        RecommendationSource other =
                draft -> Optional.of(elsewhere).filter(r -> r.eventDraftId().equals(draft));
        NewJob candidate = NewJob.of(elsewhere.eventDraftId(), JobOptions.DEFAULT, CLOCK);

        Job job = jobs.submit(candidate, other);

        assertThat(job).isEqualTo(candidate.with(elsewhere));
        assertThat(jobs.find(candidate.id())).contains(job);
        assertThatThrownBy(() -> jobs.submit(NewJob.of(Fixtures.uniqueDraft(), JobOptions.DEFAULT, CLOCK), other))
                .isInstanceOf(RecommendationMissingException.class);
    }
}
