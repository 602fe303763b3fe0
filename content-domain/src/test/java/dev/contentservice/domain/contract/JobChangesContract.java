package dev.contentservice.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobChanges} must do, together with the {@link JobRepository} of the same backend:
 * each successful write of a job is noticed by every subscriber (at least once; extra notices are
 * allowed). Extend it and return a fresh backend; two backends created by one test must share their
 * store when the backend is shared between processes (Redis), and may be independent otherwise.
 */
public abstract class JobChangesContract {

    /** A job store and its change notices, sharing one backend. */
    public record Backend(JobRepository jobs, JobChanges changes) {}

    /** A fresh backend. */
    protected abstract Backend createBackend();

    /** Whether two backends from {@link #createBackend()} share one store (so a write on one is noticed on both). */
    protected boolean backendsShareTheStore() {
        return false;
    }

    private static final Duration PATIENT = Duration.ofSeconds(5);

    private final List<JobChanges.Subscription> subscriptions = new ArrayList<>();

    @AfterEach
    void closeSubscriptions() {
        subscriptions.forEach(JobChanges.Subscription::close);
    }

    /** Every id noticed by one listener, in order, duplicates kept. */
    private Recorder subscribe(JobChanges changes) {
        Recorder recorder = new Recorder();
        subscriptions.add(changes.subscribe(recorder.seen::add));
        return recorder;
    }

    private static final class Recorder {
        final List<JobId> seen = new CopyOnWriteArrayList<>();

        boolean sees(JobId id) {
            return Fixtures.eventually(PATIENT, () -> seen.contains(id));
        }

        long count(JobId id) {
            return seen.stream().filter(id::equals).count();
        }
    }

    @Test
    void submit_is_noticed() {
        Backend backend = createBackend();
        Recorder recorder = subscribe(backend.changes());

        Job job = backend.jobs().submit(Fixtures.newJob());

        assertThat(recorder.sees(job.id())).isTrue();
    }

    @Test
    void every_update_is_noticed_start_style_and_completion() {
        Backend backend = createBackend();
        Job job = backend.jobs().submit(Fixtures.newJob());
        Recorder recorder = subscribe(backend.changes());

        Job started = Fixtures.started(job);
        backend.jobs().update(started);
        assertThat(recorder.sees(job.id())).isTrue();
        long afterStart = recorder.count(job.id());
        backend.jobs().update(started.styleDone(ImageStyle.SIMPLE, Fixtures.CLOCK));
        assertThat(Fixtures.eventually(PATIENT, () -> recorder.count(job.id()) > afterStart))
                .isTrue();
        long afterStyle = recorder.count(job.id());
        Fixtures.storeCompleted(backend.jobs(), started);

        assertThat(Fixtures.eventually(PATIENT, () -> recorder.count(job.id()) > afterStyle))
                .isTrue();
    }

    @Test
    void failure_is_noticed() {
        Backend backend = createBackend();
        Job job = backend.jobs().submit(Fixtures.newJob());
        Recorder recorder = subscribe(backend.changes());

        backend.jobs().update(job.fail(JobFailure.of("IMAGEGEN_TIMEOUT", "too slow"), Fixtures.CLOCK));

        assertThat(recorder.sees(job.id())).isTrue();
    }

    @Test
    void every_subscriber_is_noticed() {
        Backend backend = createBackend();
        Recorder first = subscribe(backend.changes());
        Recorder second = subscribe(backend.changes());

        Job job = backend.jobs().submit(Fixtures.newJob());

        assertThat(first.sees(job.id())).isTrue();
        assertThat(second.sees(job.id())).isTrue();
    }

    @Test
    void a_closed_subscription_is_noticed_no_more() throws InterruptedException {
        Backend backend = createBackend();
        Recorder closed = new Recorder();
        JobChanges.Subscription subscription = backend.changes().subscribe(closed.seen::add);
        Recorder open = subscribe(backend.changes());

        subscription.close();
        subscription.close(); // idempotent
        Job job = backend.jobs().submit(Fixtures.newJob());

        // notices reach the listeners in the order they subscribed: once the later one has the notice,
        // the earlier, closed one would have had it too
        assertThat(open.sees(job.id())).isTrue();
        assertThat(closed.seen).doesNotContain(job.id());
    }

    @Test
    void a_failing_listener_does_not_keep_notices_from_the_others() {
        Backend backend = createBackend();
        subscriptions.add(backend.changes().subscribe(id -> {
            throw new IllegalStateException("listener bug");
        }));
        Recorder recorder = subscribe(backend.changes());

        Job first = backend.jobs().submit(Fixtures.newJob());
        Job second = backend.jobs().submit(Fixtures.newJob());

        assertThat(recorder.sees(first.id())).isTrue();
        assertThat(recorder.sees(second.id())).isTrue();
    }

    @Test
    void many_quick_writes_are_all_noticed() {
        Backend backend = createBackend();
        Set<JobId> seen = ConcurrentHashMap.newKeySet();
        subscriptions.add(backend.changes().subscribe(seen::add));
        List<JobId> written = new ArrayList<>();

        for (int i = 0; i < 200; i++) {
            written.add(backend.jobs().submit(Fixtures.newJob()).id());
        }

        assertThat(Fixtures.eventually(PATIENT, () -> seen.containsAll(written)))
                .isTrue();
    }

    @Test
    void a_write_through_another_backend_on_the_same_store_is_noticed() {
        assumeTrue(backendsShareTheStore(), "the backend is not shared between processes");
        Backend here = createBackend();
        Backend there = createBackend();
        Recorder recorder = subscribe(here.changes());

        Job job = there.jobs().submit(Fixtures.newJob());
        Fixtures.storeCompleted(there.jobs(), job);

        assertThat(recorder.sees(job.id())).isTrue();
    }
}
