package dev.contentservice.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.JobQueue.Claim;
import dev.contentservice.domain.JobRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobQueue} must do, together with the {@link JobRepository} of the same backend
 * (jobs enter the queue through {@link JobRepository#submit}).
 */
public abstract class JobQueueContract {

    /** The lease the backend must be created with: short, so that expiry is tested quickly. */
    protected static final Duration LEASE = Duration.ofMillis(500);

    /** A job store and its queue, sharing one backend. */
    public record Backend(JobRepository jobs, JobQueue queue) {}

    /** A fresh, empty backend whose leases last {@code lease}. */
    protected abstract Backend createBackend(Duration lease);

    private static final Duration SHORT = Duration.ofMillis(100);
    private static final Duration PATIENT = Duration.ofSeconds(5);

    @Test
    void submitted_job_is_claimed_on_its_first_attempt() throws Exception {
        Backend backend = createBackend(LEASE);
        Job job = backend.jobs().submit(Fixtures.newJob());

        Optional<Claim> claim = backend.queue().claim(PATIENT);

        assertThat(claim).isPresent();
        assertThat(claim.get().jobId()).isEqualTo(job.id());
        assertThat(claim.get().attempt()).isEqualTo(1);
    }

    @Test
    void claim_on_an_empty_queue_answers_empty_after_the_timeout() throws Exception {
        Backend backend = createBackend(LEASE);

        assertThat(backend.queue().claim(SHORT)).isEmpty();
    }

    @Test
    void waiting_claim_receives_a_job_submitted_meanwhile() throws Exception {
        Backend backend = createBackend(LEASE);
        CompletableFuture<Optional<Claim>> waiting = CompletableFuture.supplyAsync(() -> claim(backend, PATIENT));
        Thread.sleep(150);

        Job job = backend.jobs().submit(Fixtures.newJob());

        assertThat(waiting.get(10, TimeUnit.SECONDS)).map(Claim::jobId).contains(job.id());
    }

    @Test
    void waiting_counts_the_submitted_jobs_that_nobody_claimed_yet() throws Exception {
        Backend backend = createBackend(LEASE);
        assertThat(backend.queue().waiting()).hasValue(0);
        backend.jobs().submit(Fixtures.newJob());
        backend.jobs().submit(Fixtures.newJob());

        Claim claim = backend.queue().claim(PATIENT).orElseThrow();

        assertThat(backend.queue().waiting()).hasValue(1);
        backend.queue().complete(claim);
        assertThat(backend.queue().waiting()).hasValue(1);
    }

    @Test
    void completed_claim_is_never_handed_out_again() throws Exception {
        Backend backend = createBackend(LEASE);
        backend.jobs().submit(Fixtures.newJob());
        Claim claim = backend.queue().claim(PATIENT).orElseThrow();

        backend.queue().complete(claim);

        assertThat(backend.queue().claim(LEASE.multipliedBy(3))).isEmpty();
    }

    @Test
    void unfinished_claim_is_handed_out_again_after_its_lease() throws Exception {
        Backend backend = createBackend(LEASE);
        Job job = backend.jobs().submit(Fixtures.newJob());
        Claim abandoned = backend.queue().claim(PATIENT).orElseThrow();

        Optional<Claim> again = backend.queue().claim(PATIENT);

        assertThat(again).isPresent();
        assertThat(again.get().jobId()).isEqualTo(job.id());
        assertThat(again.get().attempt()).isEqualTo(2);
        assertThat(again.get().receipt()).isNotNull();
        assertThat(abandoned.attempt()).isEqualTo(1);
    }

    @Test
    void renewed_claim_is_not_handed_out_while_it_is_renewed() throws Exception {
        Backend backend = createBackend(LEASE);
        backend.jobs().submit(Fixtures.newJob());
        Claim held = backend.queue().claim(PATIENT).orElseThrow();

        long end = System.nanoTime() + LEASE.multipliedBy(3).toNanos();
        List<Claim> stolen = new ArrayList<>();
        while (System.nanoTime() < end) {
            backend.queue().renew(held);
            backend.queue().claim(Duration.ofMillis(LEASE.toMillis() / 5)).ifPresent(stolen::add);
        }

        assertThat(stolen).isEmpty();
    }

    @Test
    void released_claim_is_handed_out_at_once_and_is_not_counted_as_an_attempt() throws Exception {
        Backend backend = createBackend(Duration.ofMinutes(1));
        Job job = backend.jobs().submit(Fixtures.newJob());
        Claim first = backend.queue().claim(PATIENT).orElseThrow();

        backend.queue().release(first);
        Optional<Claim> again = backend.queue().claim(PATIENT);

        assertThat(again).map(Claim::jobId).contains(job.id());
        assertThat(again.get().attempt()).isEqualTo(1);
    }

    @Test
    void jobs_are_claimed_in_submission_order() throws Exception {
        Backend backend = createBackend(Duration.ofMinutes(1));
        List<JobId> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(backend.jobs().submit(Fixtures.newJob()).id());
        }

        List<JobId> claimed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            claimed.add(backend.queue().claim(PATIENT).orElseThrow().jobId());
        }

        assertThat(claimed).containsExactlyElementsOf(submitted);
    }

    @Test
    void concurrent_claimers_each_get_different_jobs() throws Exception {
        Backend backend = createBackend(Duration.ofMinutes(1));
        int jobCount = 40;
        List<JobId> submitted = new ArrayList<>();
        for (int i = 0; i < jobCount; i++) {
            submitted.add(backend.jobs().submit(Fixtures.newJob()).id());
        }
        ConcurrentLinkedQueue<JobId> claimed = new ConcurrentLinkedQueue<>();

        List<CompletableFuture<Void>> claimers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claimers.add(CompletableFuture.runAsync(() -> {
                Optional<Claim> claim;
                while ((claim = claim(backend, SHORT.multipliedBy(3))).isPresent()) {
                    claimed.add(claim.get().jobId());
                    backend.queue().complete(claim.get());
                }
            }));
        }
        CompletableFuture.allOf(claimers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(claimed).containsExactlyInAnyOrderElementsOf(submitted);
    }

    @Test
    void deduplicated_submit_does_not_enqueue_twice() throws Exception {
        Backend backend = createBackend(Duration.ofMinutes(1));
        var draft = Fixtures.uniqueDraft();
        backend.jobs().submit(Fixtures.newJob(draft));
        backend.jobs().submit(Fixtures.newJob(draft));

        Claim first = backend.queue().claim(PATIENT).orElseThrow();
        backend.queue().complete(first);

        assertThat(backend.queue().claim(SHORT)).isEmpty();
    }

    private static Optional<Claim> claim(Backend backend, Duration timeout) {
        try {
            return backend.queue().claim(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
