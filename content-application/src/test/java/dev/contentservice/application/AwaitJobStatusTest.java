package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.adapter.memory.InMemoryImageSets;
import dev.contentservice.adapter.memory.InMemoryJobStore;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobNotFoundException;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AwaitJobStatusTest {
    private final InMemoryJobStore jobs = new InMemoryJobStore(Clock.systemUTC(), Duration.ofMinutes(1));
    private final InMemoryImageSets imageSets = new InMemoryImageSets(Clock.systemUTC());
    private final ReadJobStatus reads = new ReadJobStatus(jobs, imageSets, Clock.systemUTC());
    private AwaitJobStatus awaits = new AwaitJobStatus(reads, jobs);

    @AfterEach
    void close() {
        awaits.close();
    }

    private Job submitted() {
        return jobs.submit(Fixtures.newJob());
    }

    private Job complete(Job job) {
        imageSets.save(
                job.eventDraftId(),
                Fixtures.madeBy(
                        job.id(), ImageSet.of("https://x/simple.png", "https://x/fancy.png", "https://x/trendy.png")));
        Fixtures.storeCompleted(jobs, job);
        return jobs.find(job.id()).orElseThrow();
    }

    @Test
    void a_waiting_await_completes_when_the_job_completes_long_before_its_wait_ends() throws Exception {
        Job job = submitted();
        CompletableFuture<JobStatusView> waiting = awaits.await(job.id().toString(), Duration.ofSeconds(30));
        assertThat(waiting).isNotDone();

        complete(job);

        JobStatusView view = waiting.get(5, TimeUnit.SECONDS);
        assertThat(view).isInstanceOf(JobStatusView.Completed.class);
        assertThat(awaits.waitedJobs()).isZero();
    }

    @Test
    void a_failure_ends_the_wait_too() throws Exception {
        Job job = submitted();
        CompletableFuture<JobStatusView> waiting = awaits.await(job.id(), Duration.ofSeconds(30));

        jobs.update(job.fail(JobFailure.of("IMAGEGEN_TIMEOUT", "too slow"), Fixtures.CLOCK));

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(JobStatusView.Failed.class);
    }

    @Test
    void progress_does_not_end_the_wait() throws Exception {
        Job job = submitted();
        CompletableFuture<JobStatusView> waiting = awaits.await(job.id(), Duration.ofSeconds(30));

        Job started = Fixtures.started(job);
        jobs.update(started);
        List<JobStatusView> seen = new CopyOnWriteArrayList<>();
        AwaitJobStatus.Watch watch = awaits.watch(job.id(), seen::add, () -> {});
        jobs.update(started.styleDone(ImageStyle.SIMPLE, Fixtures.CLOCK));
        // the same reads that feed the waiter have delivered the progress: no sleep, no guess
        assertThat(Fixtures.eventually(
                        Duration.ofSeconds(10),
                        () -> seen.stream()
                                .anyMatch(view -> view.job().stylesDone().contains(ImageStyle.SIMPLE))))
                .isTrue();
        watch.close();

        assertThat(waiting).isNotDone();
        complete(started);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(JobStatusView.Completed.class);
    }

    @Test
    void when_the_wait_ends_the_current_status_is_answered() throws Exception {
        Job job = submitted();
        jobs.update(Fixtures.started(job));

        JobStatusView view = awaits.await(job.id(), Duration.ofMillis(300)).get(5, TimeUnit.SECONDS);

        assertThat(view).isInstanceOf(JobStatusView.InProgress.class);
        assertThat(view.job().status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(awaits.waitedJobs()).isZero();
    }

    @Test
    void a_finished_job_is_answered_at_once() {
        Job job = complete(submitted());

        CompletableFuture<JobStatusView> answer = awaits.await(job.id(), Duration.ofSeconds(30));

        assertThat(answer).isCompletedWithValueMatching(view -> view instanceof JobStatusView.Completed);
    }

    @Test
    void no_wait_reads_at_once_and_the_wait_is_capped_at_thirty_seconds() {
        Job job = submitted();

        assertThat(awaits.await(job.id(), Duration.ZERO))
                .isCompletedWithValueMatching(view -> view instanceof JobStatusView.InProgress);
        assertThat(AwaitJobStatus.MAX_WAIT).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_missing_or_malformed_job_fails_with_job_001() {
        assertThatThrownBy(() -> awaits.await(JobId.random().toString(), Duration.ofSeconds(5))
                        .get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(JobNotFoundException.class);
        assertThatThrownBy(
                        () -> awaits.await("not-a-uuid", Duration.ofSeconds(5)).get())
                .hasCauseInstanceOf(JobNotFoundException.class);
    }

    @Test
    void a_notice_lost_in_a_subscription_gap_is_covered_by_the_recheck_after_the_gap() throws Exception {
        awaits.close();
        java.util.List<Runnable> gaps = new CopyOnWriteArrayList<>();
        JobChanges deaf = new JobChanges() { // loses every notice, and says so when asked to
                    @Override
                    public Subscription subscribe(java.util.function.Consumer<JobId> listener) {
                        return () -> {};
                    }

                    @Override
                    public Subscription subscribe(java.util.function.Consumer<JobId> listener, Runnable onGap) {
                        gaps.add(onGap);
                        return () -> gaps.remove(onGap);
                    }
                };
        awaits = new AwaitJobStatus(reads, deaf, Duration.ofMillis(100));
        Job job = submitted();
        CompletableFuture<JobStatusView> waiting = awaits.await(job.id(), Duration.ofSeconds(30));
        complete(job);
        assertThat(Fixtures.eventually(Duration.ofMillis(500), waiting::isDone))
                .as("no periodic re-read of waited jobs")
                .isFalse();

        gaps.forEach(Runnable::run); // the backend is subscribed again after a gap

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(JobStatusView.Completed.class);
    }

    @Test
    void many_waiters_on_many_jobs_hold_no_thread_each_and_all_wake() throws Exception {
        List<Job> many = new CopyOnWriteArrayList<>();
        List<CompletableFuture<JobStatusView>> waiting = new CopyOnWriteArrayList<>();

        for (int i = 0; i < 500; i++) {
            Job job = submitted();
            many.add(job);
            waiting.add(awaits.await(job.id(), Duration.ofSeconds(30)));
            waiting.add(awaits.await(job.id(), Duration.ofSeconds(30)));
        }
        // a thousand waiters, and the use case's threads are still its fixed few (4 readers, 1 timer)
        assertThat(Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> thread.getName().startsWith("content-await")))
                .hasSizeLessThanOrEqualTo(5);

        many.forEach(this::complete);

        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(waiting).allMatch(future -> future.join() instanceof JobStatusView.Completed);
        assertThat(awaits.waitedJobs()).isZero();
    }

    @Test
    void regression_a_waiter_is_counted_after_its_answer_because_it_left_the_registry_only_in_whenComplete()
            throws Exception {
        for (int round = 0; round < 200; round++) {
            Job job = submitted();
            CompletableFuture<JobStatusView> waiting = awaits.await(job.id(), Duration.ofSeconds(30));
            AtomicInteger waitedWhenAnswered = new AtomicInteger(-1);
            CompletableFuture<Void> answered = waiting.thenRun(() -> waitedWhenAnswered.set(awaits.waitedJobs()));

            complete(job);

            answered.get(10, TimeUnit.SECONDS);
            assertThat(waitedWhenAnswered).as("round %d", round).hasValue(0);
        }
    }

    @Test
    void regression_a_waiter_registered_while_the_last_one_leaves_went_unheard_until_its_wait_ran_out()
            throws Exception {
        awaits.close();
        awaits = new AwaitJobStatus(reads, jobs, Duration.ofHours(1)); // notices only: no re-check to hide it
        int pairs = 4;
        ExecutorService pool = Executors.newFixedThreadPool(2 * pairs);
        try {
            for (int round = 0; round < 200; round++) {
                CyclicBarrier together = new CyclicBarrier(2 * pairs);
                List<Job> roundJobs = new ArrayList<>();
                List<Future<CompletableFuture<JobStatusView>>> arriving = new ArrayList<>();
                List<Future<?>> churning = new ArrayList<>();
                for (int i = 0; i < pairs; i++) {
                    Job job = submitted();
                    roundJobs.add(job);
                    AtomicBoolean arrived = new AtomicBoolean();
                    // one thread keeps the job's last watcher coming and going (the set emptied, dropped, made
                    // again) while another registers a waiter: the waiter must land in the live set
                    churning.add(pool.submit(() -> {
                        together.await();
                        do {
                            awaits.watch(job.id(), view -> {}, () -> {}).close();
                        } while (!arrived.get());
                        return null;
                    }));
                    arriving.add(pool.submit(() -> {
                        together.await();
                        CompletableFuture<JobStatusView> waiter = awaits.await(job.id(), Duration.ofSeconds(30));
                        arrived.set(true);
                        return waiter;
                    }));
                }
                List<CompletableFuture<JobStatusView>> waiting = new ArrayList<>();
                for (Future<CompletableFuture<JobStatusView>> future : arriving) {
                    waiting.add(future.get(10, TimeUnit.SECONDS));
                }
                for (Future<?> done : churning) {
                    done.get(10, TimeUnit.SECONDS);
                }

                assertThat(awaits.waitedJobs())
                        .as("round %d: jobs waited on", round)
                        .isEqualTo(pairs);
                roundJobs.forEach(this::complete);
                CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new))
                        .get(10, TimeUnit.SECONDS);
                assertThat(waiting).allMatch(future -> future.join() instanceof JobStatusView.Completed);
                assertThat(Fixtures.eventually(Duration.ofSeconds(10), () -> awaits.waitedJobs() == 0))
                        .as("round %d: every waiter left", round)
                        .isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_watch_reports_each_status_until_closed() throws Exception {
        Job job = submitted();
        List<JobStatus> seen = new CopyOnWriteArrayList<>();
        AwaitJobStatus.Watch watch =
                awaits.watch(job.id(), view -> seen.add(view.job().status()), () -> {});
        assertThat(Fixtures.eventually(Duration.ofSeconds(5), () -> seen.contains(JobStatus.PENDING)))
                .isTrue();

        Job started = Fixtures.started(job);
        jobs.update(started);
        assertThat(Fixtures.eventually(Duration.ofSeconds(5), () -> seen.contains(JobStatus.PROCESSING)))
                .isTrue();
        complete(started);
        assertThat(Fixtures.eventually(Duration.ofSeconds(5), () -> seen.contains(JobStatus.COMPLETED)))
                .isTrue();
        watch.close();

        assertThat(awaits.waitedJobs()).isZero();
        assertThat(seen).containsSubsequence(JobStatus.PENDING, JobStatus.PROCESSING, JobStatus.COMPLETED);
    }

    @Test
    void a_watched_job_that_disappears_is_reported_gone() {
        AtomicBoolean gone = new AtomicBoolean();

        awaits.watch(JobId.random(), view -> {}, () -> gone.set(true));

        assertThat(Fixtures.eventually(Duration.ofSeconds(5), gone::get)).isTrue();
    }
}
