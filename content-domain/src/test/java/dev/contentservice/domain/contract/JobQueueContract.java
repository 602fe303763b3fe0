package dev.contentservice.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.ClaimedJob;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.JobQueue.Claim;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.JobType;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.StoredStyle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** A job store, its queue and the image sets {@link JobQueue#finish} writes, sharing one backend. */
    public record Backend(JobRepository jobs, JobQueue queue, ImageSetRepository imageSets) {}

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

    @Test
    void one_claim_takes_several_waiting_jobs_oldest_first_but_no_more_than_asked() throws Exception {
        Backend backend = createBackend(Duration.ofMinutes(1));
        List<JobId> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(backend.jobs().submit(Fixtures.newJob()).id());
        }

        List<ClaimedJob> first = backend.queue().claim(3, PATIENT);
        List<ClaimedJob> rest = backend.queue().claim(10, PATIENT);

        assertThat(first).extracting(c -> c.claim().jobId()).containsExactlyElementsOf(submitted.subList(0, 3));
        assertThat(rest).extracting(c -> c.claim().jobId()).containsExactlyElementsOf(submitted.subList(3, 5));
        assertThat(first).allSatisfy(c -> assertThat(c.claim().attempt()).isEqualTo(1));
    }

    @Test
    void a_claim_starts_the_job_in_the_same_step() throws Exception {
        Backend backend = createBackend(Duration.ofMinutes(1));
        Job job = backend.jobs().submit(Fixtures.newJob());

        ClaimedJob claimed = backend.queue().claim(1, PATIENT).get(0);

        assertThat(claimed.job().id()).isEqualTo(job.id());
        assertThat(claimed.job().status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(claimed.job().recommendation()).isEqualTo(job.recommendation());
        assertThat(backend.jobs().find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(claimed.stored()).isEmpty();
    }

    @Test
    void a_finished_job_is_never_handed_out() throws Exception {
        Backend backend = createBackend(Duration.ofMinutes(1));
        Job finished = backend.jobs().submit(Fixtures.newJob());
        Fixtures.storeCompleted(backend.jobs(), finished);
        Job waiting = backend.jobs().submit(Fixtures.newJob());

        List<ClaimedJob> claimed = backend.queue().claim(10, PATIENT);

        assertThat(claimed).extracting(c -> c.claim().jobId()).containsExactly(waiting.id());
        assertThat(backend.queue().claim(10, SHORT)).isEmpty();
    }

    @Test
    void a_job_taken_over_after_its_lease_carries_the_styles_stored_before() throws Exception {
        Backend backend = createBackend(LEASE);
        Job job = backend.jobs().submit(Fixtures.newJob());
        ClaimedJob first = backend.queue().claim(1, PATIENT).get(0);
        StoredStyle simple = new StoredStyle(
                job.id(),
                ImageStyle.SIMPLE,
                "http://img/" + job.id() + "-simple.png",
                "gen-a",
                Fixtures.CLOCK.instant());
        StoredStyle fancy = new StoredStyle(
                job.id(), ImageStyle.FANCY, "http://img/" + job.id() + "-fancy.png", "gen-b", Fixtures.CLOCK.instant());
        backend.jobs().recordStyles(List.of(simple, fancy));

        ClaimedJob again = backend.queue().claim(1, PATIENT).get(0); // after the first claim's lease

        assertThat(again.claim().attempt()).isEqualTo(first.claim().attempt() + 1);
        assertThat(again.stored()).containsOnlyKeys(ImageStyle.SIMPLE, ImageStyle.FANCY);
        assertThat(again.stored().get(ImageStyle.SIMPLE).url()).isEqualTo(simple.url());
        assertThat(again.stored().get(ImageStyle.FANCY).generator()).isEqualTo("gen-b");
        assertThat(again.job().stylesDone()).containsExactlyInAnyOrder(ImageStyle.SIMPLE, ImageStyle.FANCY);
    }

    @Test
    void finish_stores_the_image_set_completes_the_job_and_forgets_the_claim_together() throws Exception {
        Backend backend = createBackend(LEASE);
        Job job = backend.jobs().submit(Fixtures.newJob());
        ClaimedJob claimed = backend.queue().claim(1, PATIENT).get(0);
        ImageSet images = ImageSet.of("http://img/s.png", "http://img/f.png", "http://img/t.png");
        DraftImages made = DraftImages.made(job.id(), images, Fixtures.CLOCK.instant());

        boolean written = backend.queue()
                .finish(claimed.claim(), claimed.job().complete("test", Fixtures.CLOCK), Optional.of(made));

        assertThat(written).isTrue();
        assertThat(backend.jobs().find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(backend.imageSets().find(job.eventDraftId())).contains(images);
        assertThat(backend.imageSets().latest(job.eventDraftId())).contains(made);
        assertThat(backend.queue().claim(1, LEASE.multipliedBy(3))).isEmpty();
    }

    @Test
    void an_edit_job_is_claimed_with_its_edit_and_finished_without_a_set_leaves_the_stored_set_alone()
            throws Exception {
        Backend backend = createBackend(LEASE);
        EventDraftId draft = Fixtures.uniqueDraft();
        DraftImages edited = DraftImages.made(
                        JobId.random(),
                        ImageSet.of("http://img/s.png", "http://img/f.png", "http://img/t.png"),
                        Fixtures.CLOCK.instant())
                .withFormats(Map.of(
                        PosterFormat.STORY,
                        ImageSet.of("http://img/s-s.png", "http://img/f-s.png", "http://img/t-s.png")))
                .withSelected(ImageStyle.TRENDY)
                .withEditedAt(Fixtures.CLOCK.instant());
        backend.imageSets().save(draft, edited);
        backend.imageSets().select(draft, ImageStyle.TRENDY);
        DraftImages before = backend.imageSets().latest(draft).orElseThrow();
        ImageEdit edit = new ImageEdit(ImageStyle.FANCY, Map.of(EditableText.HEADLINE, "새 문구"), Optional.empty());
        Job job = backend.jobs().submit(Job.edit(JobId.random(), Fixtures.recommendation(draft), edit, Fixtures.CLOCK));
        ClaimedJob claimed = backend.queue().claim(1, PATIENT).get(0);

        boolean written = backend.queue()
                .finish(claimed.claim(), claimed.job().complete("local", Fixtures.CLOCK), Optional.empty());

        assertThat(claimed.job().type()).isEqualTo(JobType.IMAGE_EDIT);
        assertThat(claimed.job().edit()).contains(edit);
        assertThat(written).isTrue();
        Job stored = backend.jobs().find(job.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(stored.type()).isEqualTo(JobType.IMAGE_EDIT);
        assertThat(backend.imageSets().latest(draft)).contains(before);
        assertThat(before.selected()).contains(ImageStyle.TRENDY);
        assertThat(backend.queue().claim(1, LEASE.multipliedBy(3))).isEmpty();
        Job next = Fixtures.newJob(draft);
        assertThat(backend.jobs().submit(next))
                .as("the in-flight mark is cleared")
                .isEqualTo(next);
    }

    @Test
    void finish_of_a_job_finished_meanwhile_writes_nothing_but_still_forgets_the_claim() throws Exception {
        Backend backend = createBackend(LEASE);
        Job job = backend.jobs().submit(Fixtures.newJob());
        ClaimedJob claimed = backend.queue().claim(1, PATIENT).get(0);
        Job failed = claimed.job().fail(JobFailure.of(JobFailure.INTERNAL, "first"), Fixtures.CLOCK);
        backend.jobs().update(failed);

        boolean written = backend.queue()
                .finish(
                        claimed.claim(),
                        claimed.job().complete("late", Fixtures.CLOCK),
                        Optional.of(DraftImages.made(
                                job.id(), ImageSet.of("http://a", "http://b", "http://c"), Fixtures.CLOCK.instant())));

        assertThat(written).isFalse();
        assertThat(backend.jobs().find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
        assertThat(backend.imageSets().find(job.eventDraftId())).isEmpty();
        assertThat(backend.queue().claim(1, LEASE.multipliedBy(3))).isEmpty();
    }

    @Test
    void finish_with_a_failure_keeps_its_code_and_detail() throws Exception {
        Backend backend = createBackend(Duration.ofMinutes(1));
        Job job = backend.jobs().submit(Fixtures.newJob());
        ClaimedJob claimed = backend.queue().claim(1, PATIENT).get(0);

        boolean written = backend.queue()
                .finish(
                        claimed.claim(),
                        claimed.job().fail(JobFailure.of(JobFailure.POISONED, "claimed too often"), Fixtures.CLOCK),
                        Optional.empty());

        Job stored = backend.jobs().find(job.id()).orElseThrow();
        assertThat(written).isTrue();
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored.failure()).contains(JobFailure.of(JobFailure.POISONED, "claimed too often"));
    }

    @Test
    void renewing_all_held_claims_at_once_keeps_them_and_names_the_ones_no_longer_held() throws Exception {
        Backend backend = createBackend(LEASE);
        for (int i = 0; i < 3; i++) {
            backend.jobs().submit(Fixtures.newJob());
        }
        List<ClaimedJob> held = backend.queue().claim(3, PATIENT);
        Claim finished = held.get(2).claim();
        backend.queue().complete(finished);
        List<Claim> claims = held.stream().map(ClaimedJob::claim).toList();

        long end = System.nanoTime() + LEASE.multipliedBy(3).toNanos();
        List<ClaimedJob> stolen = new ArrayList<>();
        Set<Claim> lost = Set.of();
        while (System.nanoTime() < end) {
            lost = backend.queue().renew(claims);
            stolen.addAll(backend.queue().claim(3, Duration.ofMillis(LEASE.toMillis() / 5)));
        }

        assertThat(stolen).isEmpty();
        assertThat(lost).containsExactly(finished);
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
