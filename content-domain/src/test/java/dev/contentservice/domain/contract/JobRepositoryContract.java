package dev.contentservice.domain.contract;

import static dev.contentservice.domain.contract.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.StoredStyle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JobRepository} must do. Extend it and return a fresh, empty repository. */
public abstract class JobRepositoryContract {

    protected JobRepository jobs;

    protected abstract JobRepository createJobRepository();

    @BeforeEach
    void setUpRepository() {
        jobs = createJobRepository();
    }

    @Test
    void submitted_job_is_found_with_every_field() {
        Job job = Fixtures.newJob();

        Job answer = jobs.submit(job, Job.TTL);

        assertThat(answer).isEqualTo(job);
        assertThat(jobs.find(job.id())).contains(job);
    }

    @Test
    void unknown_job_is_not_found() {
        assertThat(jobs.find(JobId.random())).isEmpty();
    }

    @Test
    void second_submit_for_a_draft_in_flight_answers_the_first_job() {
        EventDraftId draft = Fixtures.uniqueDraft();
        Job first = jobs.submit(Fixtures.newJob(draft), Job.TTL);

        Job second = jobs.submit(Fixtures.newJob(draft), Job.TTL);

        assertThat(second.id()).isEqualTo(first.id());
    }

    @Test
    void submit_answers_the_in_flight_job_while_it_is_processing() {
        EventDraftId draft = Fixtures.uniqueDraft();
        Job first = jobs.submit(Fixtures.newJob(draft), Job.TTL);
        jobs.update(Fixtures.started(first));

        Job second = jobs.submit(Fixtures.newJob(draft), Job.TTL);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.status()).isEqualTo(JobStatus.PROCESSING);
    }

    @Test
    void submit_after_the_draft_job_ended_creates_a_new_job() {
        EventDraftId draft = Fixtures.uniqueDraft();
        Job first = jobs.submit(Fixtures.newJob(draft), Job.TTL);
        jobs.update(Fixtures.completed(first));
        Job regenerate = Fixtures.newJob(draft);

        Job answer = jobs.submit(regenerate, Job.TTL);

        assertThat(answer.id()).isEqualTo(regenerate.id());
        assertThat(jobs.find(first.id())).map(Job::status).contains(JobStatus.COMPLETED);
    }

    @Test
    void submit_after_the_draft_job_failed_creates_a_new_job() {
        EventDraftId draft = Fixtures.uniqueDraft();
        Job first = jobs.submit(Fixtures.newJob(draft), Job.TTL);
        jobs.update(first.fail(JobFailure.of("IMAGEGEN_REJECTED", "refused"), CLOCK));
        Job regenerate = Fixtures.newJob(draft);

        assertThat(jobs.submit(regenerate, Job.TTL).id()).isEqualTo(regenerate.id());
    }

    @Test
    void jobs_of_different_drafts_are_independent() {
        Job a = jobs.submit(Fixtures.newJob(), Job.TTL);
        Job b = jobs.submit(Fixtures.newJob(), Job.TTL);

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
                    return jobs.submit(Fixtures.newJob(draft), Job.TTL);
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
        Job job = jobs.submit(Fixtures.newJob(), Job.TTL);
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
        Job job = jobs.submit(Fixtures.newJob(), Job.TTL);
        Job failed = job.start(CLOCK).fail(JobFailure.of("IMAGEGEN_TIMEOUT", "provider took too long"), CLOCK);

        assertThat(jobs.update(failed)).isTrue();

        Job stored = jobs.find(job.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored.failure()).contains(JobFailure.of("IMAGEGEN_TIMEOUT", "provider took too long"));
    }

    @Test
    void completed_job_is_never_overwritten() {
        Job job = jobs.submit(Fixtures.newJob(), Job.TTL);
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
        Job job = jobs.submit(Fixtures.newJob(), Job.TTL);
        Job processing = job.start(CLOCK);
        jobs.update(processing);
        Job failed = processing.fail(JobFailure.of("IMAGEGEN_REJECTED", "policy"), CLOCK);
        jobs.update(failed);

        assertThat(jobs.update(processing.complete("local", CLOCK))).isFalse();

        assertThat(jobs.find(job.id())).contains(failed);
    }

    @Test
    void processing_job_never_goes_back_to_pending() {
        Job job = jobs.submit(Fixtures.newJob(), Job.TTL);
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
    void job_expires_after_its_ttl() {
        Job job = jobs.submit(Fixtures.newJob(), Duration.ofMillis(300));

        boolean expired = Fixtures.eventually(
                Duration.ofSeconds(5), () -> jobs.find(job.id()).isEmpty());

        assertThat(expired).isTrue();
    }

    @Test
    void an_expired_in_flight_job_does_not_block_a_new_submit() {
        EventDraftId draft = Fixtures.uniqueDraft();
        Job first = jobs.submit(Fixtures.newJob(draft), Duration.ofMillis(300));
        Fixtures.eventually(Duration.ofSeconds(5), () -> jobs.find(first.id()).isEmpty());
        Job second = Fixtures.newJob(draft);

        assertThat(jobs.submit(second, Job.TTL).id()).isEqualTo(second.id());
    }

    @Test
    void sparse_recommendation_snapshot_survives_the_round_trip() {
        Job job = Job.create(JobId.random(), Fixtures.sparseRecommendation(Fixtures.uniqueDraft()), CLOCK);

        jobs.submit(job, Job.TTL);

        assertThat(jobs.find(job.id())).contains(job);
    }

    @Test
    void recorded_styles_are_progress_of_a_processing_job() {
        JobRepository jobs = createJobRepository();
        Job job = jobs.submit(Fixtures.newJob(), Job.TTL);
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
        Job finished = jobs.submit(Fixtures.newJob(), Job.TTL);
        Job completed = Fixtures.completed(finished);
        jobs.update(completed);
        Job pending = jobs.submit(Fixtures.newJob(), Job.TTL);
        Instant at = Fixtures.CLOCK.instant().plusSeconds(5);

        jobs.recordStyles(List.of(
                new StoredStyle(finished.id(), ImageStyle.SIMPLE, "http://x", "gen", at),
                new StoredStyle(pending.id(), ImageStyle.SIMPLE, "http://y", "gen", at)));

        assertThat(jobs.find(finished.id()).orElseThrow()).isEqualTo(completed);
        assertThat(jobs.find(pending.id()).orElseThrow()).isEqualTo(pending);
    }
}
