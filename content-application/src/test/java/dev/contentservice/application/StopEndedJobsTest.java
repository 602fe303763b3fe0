package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.adapter.memory.InMemoryImageSets;
import dev.contentservice.adapter.memory.InMemoryImageStore;
import dev.contentservice.adapter.memory.InMemoryJobStore;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.StoredStyle;
import dev.contentservice.domain.contract.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link StopEndedJobs} reads: a cancel reaches the drawing instance; its own writes cost no read. */
class StopEndedJobsTest {
    private static final Duration PATIENT = Duration.ofSeconds(10);
    private static final Clock CLOCK = Clock.systemUTC();

    private final InMemoryImageSets imageSets = new InMemoryImageSets(CLOCK);
    private final InMemoryJobStore store = new InMemoryJobStore(CLOCK, Duration.ofSeconds(30), imageSets);
    private final CountingReads reads = new CountingReads(store);
    /** Each job's three drawings wait for the job's release. */
    private final Map<JobId, CompletableFuture<Void>> releases = new ConcurrentHashMap<>();

    private final ImageGenerationWorker worker = new ImageGenerationWorker(
            store,
            store,
            held(),
            new InMemoryImageStore(CLOCK),
            name -> "http://test/files/" + name,
            CLOCK,
            JobMetrics.NONE,
            WorkerSettings.defaults().withClaimTimeout(Duration.ofMillis(100)));
    private final StopEndedJobs stops = new StopEndedJobs(store, reads, worker);

    @AfterEach
    void close() {
        stops.close();
        worker.close();
    }

    private ImageGenerator held() {
        return request -> releases.computeIfAbsent(request.jobId(), id -> new CompletableFuture<>())
                .thenApply(ignored -> new GeneratedImage(
                        ("\u0089PNG" + request.style().key()).getBytes(StandardCharsets.ISO_8859_1),
                        "image/png",
                        "held"));
    }

    private Job runningJob() {
        Job job = store.submit(Fixtures.newJob());
        assertThat(Fixtures.eventually(PATIENT, () -> worker.isRunning(job.id())))
                .as("job %s is drawn here", job.id())
                .isTrue();
        return job;
    }

    @Test
    void a_job_that_finishes_here_is_not_read_back_on_its_own_notice() {
        worker.start();
        stops.start();
        Job finishing = runningJob();
        Job flush = runningJob();
        Job sentinel = runningJob();
        cancelAndAwaitStop(flush); // whatever was read before is read by now
        int readsBefore = reads.of(finishing.id());

        releases.get(finishing.id()).complete(null);
        assertThat(Fixtures.eventually(
                        PATIENT,
                        () -> store.find(finishing.id())
                                .map(job -> job.status() == JobStatus.COMPLETED)
                                .orElse(false)))
                .isTrue();
        // a cancel of another job is read on the same single thread, after anything queued before it
        cancelAndAwaitStop(sentinel);

        assertThat(reads.of(sentinel.id())).as("the cancel was read").isPositive();
        assertThat(reads.of(finishing.id()))
                .as("the notice of its own COMPLETED is not read back")
                .isEqualTo(readsBefore);
    }

    private void cancelAndAwaitStop(Job job) {
        new CancelJob(store, CLOCK, JobMetrics.NONE, JobWebhooks.NONE)
                .cancel(job.id().toString());
        assertThat(Fixtures.eventually(PATIENT, () -> !worker.isRunning(job.id())))
                .as("the canceled job %s stops drawing here", job.id())
                .isTrue();
    }

    /** Counts {@code find} per job; everything else goes to the store. */
    private static final class CountingReads implements JobRepository {
        private final JobRepository store;
        private final Map<JobId, AtomicInteger> finds = new ConcurrentHashMap<>();

        CountingReads(JobRepository store) {
            this.store = store;
        }

        int of(JobId id) {
            AtomicInteger count = finds.get(id);
            return count == null ? 0 : count.get();
        }

        @Override
        public Job submit(Job candidate) {
            return store.submit(candidate);
        }

        @Override
        public Optional<Job> find(JobId id) {
            finds.computeIfAbsent(id, ignored -> new AtomicInteger()).incrementAndGet();
            return store.find(id);
        }

        @Override
        public boolean update(Job next) {
            return store.update(next);
        }

        @Override
        public void recordStyles(List<StoredStyle> records) {
            store.recordStyles(records);
        }
    }
}
