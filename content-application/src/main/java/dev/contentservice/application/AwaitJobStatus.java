package dev.contentservice.application;

import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobNotFoundException;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Waiting on the server instead of polling: {@link #await} answers as soon as a job is COMPLETED or
 * FAILED, or with its current status when the wait ends (at most {@link #MAX_WAIT}); {@link #watch}
 * reports every status a job goes through.
 *
 * <p>Waiters are kept in a registry keyed by job id; no thread waits for them. A {@link JobChanges}
 * notice for a waited job schedules one read of it on a small pool of its own, whose answer goes to
 * every waiter of that job. Notices may be lost while the backend is not subscribed (a Redis reconnect,
 * for example): the backend says so when it is subscribed again, and every waited job is then read once
 * ({@link JobChanges#subscribe(Consumer, Runnable)}). So the waiting costs the store nothing per waiter
 * while nothing changes: a long-poll reads its job when it starts and when its wait ends, plus once per
 * notice. Every {@code recheckEvery} (1 s by default) one scheduler thread reads again only the jobs whose
 * last read failed, and hands each watch its last status again (its heartbeat), without a read.
 */
public final class AwaitJobStatus implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AwaitJobStatus.class.getName());
    /** The longest a client may wait in one request. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** How often failed reads are retried and watches are handed their last status again. */
    public static final Duration DEFAULT_RECHECK = Duration.ofSeconds(1);

    private static final int READERS = 8;

    private final ReadJobStatus reads;
    private final ConcurrentMap<JobId, Set<Watcher>> watchers = new ConcurrentHashMap<>();
    private final Set<JobId> scheduled = ConcurrentHashMap.newKeySet();
    /** Waited jobs whose last read failed: read again at the next tick. */
    private final Set<JobId> unread = ConcurrentHashMap.newKeySet();

    private final ExecutorService readers;
    private final ScheduledExecutorService timer;
    private final JobChanges.Subscription subscription;

    @Inject
    public AwaitJobStatus(ReadJobStatus reads, JobChanges changes) {
        this(reads, changes, DEFAULT_RECHECK);
    }

    public AwaitJobStatus(ReadJobStatus reads, JobChanges changes, Duration recheckEvery) {
        this.reads = Objects.requireNonNull(reads, "reads");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(recheckEvery, "recheckEvery");
        if (recheckEvery.isZero() || recheckEvery.isNegative()) {
            throw new IllegalArgumentException("recheckEvery must be positive, was " + recheckEvery);
        }
        this.readers = Executors.newFixedThreadPool(READERS, Async.daemonThreads("content-await-read"));
        this.timer = Executors.newSingleThreadScheduledExecutor(Async.daemonThreads("content-await-timer"));
        long every = recheckEvery.toMillis();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        this.subscription = changes.subscribe(this::changed, this::recheckAll);
    }

    /**
     * Waits for the job of an untrusted id to end. A malformed id is answered like a missing job.
     *
     * @param wait how long to wait at most; capped at {@link #MAX_WAIT}; zero or negative reads at once
     * @return completes with the terminal status as soon as the job ends, or with the current status when
     *     the wait is over; fails with {@link JobNotFoundException} when the job does not exist (or expired
     *     meanwhile), or with the store's exception when the last read failed
     */
    public CompletableFuture<JobStatusView> await(String rawJobId, Duration wait) {
        Optional<JobId> id = JobId.parse(rawJobId);
        if (id.isEmpty()) {
            return CompletableFuture.failedFuture(new JobNotFoundException(rawJobId));
        }
        return await(id.get(), wait);
    }

    public CompletableFuture<JobStatusView> await(JobId id, Duration wait) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(wait, "wait must not be null");
        Duration bounded = wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
        if (bounded.isZero() || bounded.isNegative()) {
            return readNow(id);
        }
        Waiter waiter = new Waiter(id);
        register(waiter); // before the first read: a change after it is noticed, one before it is read
        CompletableFuture<JobStatusView> first = readNow(id);
        if (first.isCompletedExceptionally() || isFinal(first.join())) {
            unregister(waiter);
            return first;
        }
        waiter.timeout = timer.schedule(() -> runReader(waiter::timeUp), bounded.toMillis(), TimeUnit.MILLISECONDS);
        // completed from outside (a caller cancels): leave too; the waiter's own answers leave before
        waiter.future.whenComplete((view, error) -> waiter.leave());
        return waiter.future;
    }

    /**
     * Reports the job's status now and after each change until the watch is closed: {@code onView} is
     * called on this use case's threads with every status read, also unchanged ones (about once per
     * re-check period), so a caller compares and may use the calls as a heartbeat. {@code onGone} is
     * called once when the job no longer exists. The caller closes the watch, at the latest when the job
     * is final.
     */
    public Watch watch(JobId id, Consumer<JobStatusView> onView, Runnable onGone) {
        Observer observer = new Observer(id, Objects.requireNonNull(onView), Objects.requireNonNull(onGone));
        register(observer);
        scheduleRead(id);
        return () -> unregister(observer);
    }

    /** Whether a status is one a waiter stops at (COMPLETED or FAILED). */
    public static boolean isFinal(JobStatusView view) {
        return !(view instanceof JobStatusView.InProgress);
    }

    /** Jobs waited on right now (for tests and metrics). */
    public int waitedJobs() {
        return watchers.size();
    }

    /** Waiters and watches registered right now, over all jobs (for tests and metrics). */
    public int waiters() {
        return watchers.values().stream().mapToInt(Set::size).sum();
    }

    /** A running watch; closing it stops the reports. Idempotent. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public void close() {
        subscription.close();
        timer.shutdownNow();
        readers.shutdownNow();
        watchers.values().forEach(set -> set.forEach(Watcher::cancel));
        watchers.clear();
    }

    private CompletableFuture<JobStatusView> readNow(JobId id) {
        try {
            return CompletableFuture.completedFuture(reads.read(id));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void changed(JobId id) {
        if (watchers.containsKey(id)) {
            scheduleRead(id);
        }
    }

    /** Retries the reads that failed; hands every watch its last status again (no read). */
    private void tick() {
        for (JobId id : List.copyOf(unread)) {
            unread.remove(id);
            scheduleRead(id);
        }
        watchers.values().forEach(set -> set.forEach(Watcher::heartbeat));
    }

    private void recheckAll() {
        watchers.keySet().forEach(this::scheduleRead);
    }

    /** At most one pending read per job, however many notices and re-checks ask for it. */
    private void scheduleRead(JobId id) {
        if (scheduled.add(id)) {
            try {
                readers.execute(() -> {
                    scheduled.remove(id);
                    read(id);
                });
            } catch (RejectedExecutionException closed) {
                scheduled.remove(id);
            }
        }
    }

    private void runReader(Runnable task) {
        try {
            readers.execute(task);
        } catch (RejectedExecutionException closed) {
            // shutting down: the waiters were cancelled
        }
    }

    private void read(JobId id) {
        Set<Watcher> waiting = watchers.get(id);
        if (waiting == null || waiting.isEmpty()) {
            return;
        }
        JobStatusView view;
        try {
            view = reads.read(id);
        } catch (JobNotFoundException gone) {
            waiting.forEach(watcher -> watcher.gone(gone));
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "job {0}: could not read while waited on, will look again: {1}", id, e.toString());
            unread.add(id);
            return;
        }
        for (Watcher watcher : waiting) {
            try {
                watcher.seen(view);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "job " + id + ": a watcher failed", e);
            }
        }
    }

    /**
     * Adds the watcher inside the map's atomic step for its job, so that it can never land in a set that a
     * concurrent {@link #unregister} has just dropped from the map (such a watcher heard no notice).
     */
    private void register(Watcher watcher) {
        watchers.compute(watcher.id(), (id, set) -> {
            Set<Watcher> into = set == null ? ConcurrentHashMap.newKeySet() : set;
            into.add(watcher);
            return into;
        });
    }

    private void unregister(Watcher watcher) {
        watchers.computeIfPresent(watcher.id(), (id, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    private interface Watcher {
        JobId id();

        void seen(JobStatusView view);

        void gone(JobNotFoundException error);

        void cancel();

        /** Called every tick without a read; a watch re-offers its last status. */
        default void heartbeat() {}
    }

    /**
     * A long-poll: completes at the first final status, or with whatever is current when time is up. It
     * leaves the registry before it completes, so that whoever sees the answer no longer counts it.
     */
    private final class Waiter implements Watcher {
        private final JobId id;
        final CompletableFuture<JobStatusView> future = new CompletableFuture<>();
        volatile ScheduledFuture<?> timeout;

        Waiter(JobId id) {
            this.id = id;
        }

        @Override
        public JobId id() {
            return id;
        }

        @Override
        public void seen(JobStatusView view) {
            if (isFinal(view)) {
                leave();
                future.complete(view);
            }
        }

        @Override
        public void gone(JobNotFoundException error) {
            leave();
            future.completeExceptionally(error);
        }

        @Override
        public void cancel() {
            leave();
            future.cancel(false);
        }

        void timeUp() {
            if (future.isDone()) {
                return;
            }
            leave();
            try {
                future.complete(reads.read(id));
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        }

        void leave() {
            unregister(this);
            ScheduledFuture<?> scheduled = timeout;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }

    /** A watch: every status read goes to the caller until it closes the watch. */
    private static final class Observer implements Watcher {
        private final JobId id;
        private final Consumer<JobStatusView> onView;
        private final Runnable onGone;
        private volatile JobStatusView last;

        Observer(JobId id, Consumer<JobStatusView> onView, Runnable onGone) {
            this.id = id;
            this.onView = onView;
            this.onGone = onGone;
        }

        @Override
        public JobId id() {
            return id;
        }

        @Override
        public void seen(JobStatusView view) {
            last = view;
            onView.accept(view);
        }

        /** The last status again, unread: the caller's heartbeat (keep-alive, lifetime). */
        @Override
        public void heartbeat() {
            JobStatusView view = last;
            if (view != null) {
                onView.accept(view);
            }
        }

        @Override
        public void gone(JobNotFoundException error) {
            onGone.run();
        }

        @Override
        public void cancel() {
            onGone.run();
        }

        // identity semantics: two watches of one job with the same callbacks are still two watches
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
