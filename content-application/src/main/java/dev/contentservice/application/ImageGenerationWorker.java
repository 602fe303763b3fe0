package dev.contentservice.application;

import dev.contentservice.domain.ContentException;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageLinks;
import dev.contentservice.domain.ImageRequest;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.JobQueue.Claim;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.StoreUnavailableException;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The background worker: claims jobs from the {@link JobQueue}, draws the three styles in parallel, hosts
 * the images, stores the {@link ImageSet} and completes the job, or fails it with a reason.
 *
 * <p>Rules it keeps:
 *
 * <ul>
 *   <li>at most {@link WorkerSettings#maxInFlightJobs()} jobs at once; the rest wait in the queue;
 *   <li>a job's whole time budget is {@link WorkerSettings#jobDeadline()};
 *   <li>the image set is stored before the job says COMPLETED; a terminal state is never overwritten;
 *   <li>when a store is unavailable the claim is neither completed nor failed: its lease runs out and the
 *       job is claimed again, so no accepted job is lost;
 *   <li>a job claimed more than {@link WorkerSettings#maxAttempts()} times fails as poisoned;
 *   <li>{@link #close()} stops claiming, lets running jobs finish for the shutdown grace, then releases the
 *       rest to other instances at once.
 * </ul>
 *
 * <p>Generators are asynchronous, so a job waiting on a slow provider holds no thread; blocking store
 * calls run on a small executor of the worker's own.
 */
public final class ImageGenerationWorker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ImageGenerationWorker.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final JobQueue queue;
    private final JobRepository jobs;
    private final ImageGenerator generator;
    private final ImageStore imageStore;
    private final ImageSetRepository imageSets;
    private final ImageLinks links;
    private final Clock clock;
    private final JobMetrics metrics;
    private final WorkerSettings settings;
    private final JobLogContext logContext;

    private final Semaphore slots;
    private final Map<String, Claim> held = new ConcurrentHashMap<>();
    private final Map<JobId, Run> runs = new ConcurrentHashMap<>();
    private final List<Thread> pollers = new ArrayList<>();
    private final ExecutorService io;
    private final ScheduledExecutorService renewer;
    private volatile boolean running;
    private final java.util.concurrent.atomic.AtomicBoolean queueDown = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;

    public ImageGenerationWorker(
            JobQueue queue,
            JobRepository jobs,
            ImageGenerator generator,
            ImageStore imageStore,
            ImageSetRepository imageSets,
            ImageLinks links,
            Clock clock,
            JobMetrics metrics,
            WorkerSettings settings) {
        this(queue, jobs, generator, imageStore, imageSets, links, clock, metrics, settings, JobLogContext.NONE);
    }

    /** @param logContext puts the job's id and draft into the logging context of every step of its work */
    @Inject
    public ImageGenerationWorker(
            JobQueue queue,
            JobRepository jobs,
            ImageGenerator generator,
            ImageStore imageStore,
            ImageSetRepository imageSets,
            ImageLinks links,
            Clock clock,
            JobMetrics metrics,
            WorkerSettings settings,
            JobLogContext logContext) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.imageStore = Objects.requireNonNull(imageStore, "imageStore");
        this.imageSets = Objects.requireNonNull(imageSets, "imageSets");
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.logContext = Objects.requireNonNull(logContext, "logContext");
        this.slots = new Semaphore(settings.maxInFlightJobs());
        this.io = Executors.newFixedThreadPool(
                Math.min(8, Math.max(2, settings.maxInFlightJobs())), Async.daemonThreads("content-worker-io"));
        this.renewer = Executors.newSingleThreadScheduledExecutor(Async.daemonThreads("content-worker-lease"));
    }

    /** Starts the pollers. Idempotent. */
    public synchronized void start() {
        if (running || closed) {
            return;
        }
        running = true;
        for (int i = 0; i < settings.pollers(); i++) {
            Thread poller = new Thread(this::pollLoop, "content-worker-poller-" + i);
            poller.setDaemon(true);
            pollers.add(poller);
            poller.start();
        }
        long every = settings.renewEvery().toMillis();
        renewer.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    }

    /** Jobs this instance is working on right now. */
    public int inFlight() {
        return held.size();
    }

    /** Whether this instance is drawing the job right now. */
    public boolean isRunning(JobId jobId) {
        return runs.containsKey(jobId);
    }

    /** The jobs this instance is drawing right now. */
    public java.util.Set<JobId> running() {
        return java.util.Set.copyOf(runs.keySet());
    }

    /**
     * Stops drawing a job that ended elsewhere (it was canceled): its generator calls are cancelled and
     * nothing more is written for it. Does nothing when the job does not run here.
     */
    public void stop(JobId jobId) {
        Run run = runs.get(jobId);
        if (run != null) {
            LOG.log(Level.INFO, "job {0}: ended elsewhere, its drawings are cancelled", jobId);
            run.abandon();
        }
    }

    /**
     * Stops claiming, waits up to the shutdown grace for running jobs, then releases whatever is still
     * held so that another instance claims it at once.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = false;
        }
        pollers.forEach(Thread::interrupt);
        for (Thread poller : pollers) {
            try {
                poller.join(Math.max(1000, settings.claimTimeout().toMillis() * 2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long graceEnd = System.nanoTime() + settings.shutdownGrace().toNanos();
        while (!held.isEmpty() && System.nanoTime() < graceEnd) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Claim claim : List.copyOf(held.values())) {
            if (held.remove(claim.receipt()) != null) {
                try (JobLogContext.Scope scope = logContext.enter(claim.jobId(), Optional.empty())) {
                    queue.release(claim);
                    LOG.log(Level.INFO, "job {0}: released at shutdown", claim.jobId());
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "job {0}: could not release at shutdown, its lease will expire",
                            claim.jobId());
                }
            }
        }
        renewer.shutdownNow();
        io.shutdown();
        try {
            io.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        io.shutdownNow();
    }

    private void pollLoop() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            Optional<Claim> claimed;
            try {
                claimed = queue.claim(settings.claimTimeout());
                if (queueDown.compareAndSet(true, false)) {
                    LOG.log(Level.INFO, "queue available again");
                }
                backoff = Duration.ofMillis(100);
            } catch (InterruptedException e) {
                slots.release();
                return;
            } catch (RuntimeException e) {
                slots.release();
                // an expected outage: one WARNING line for all pollers, the retries at DEBUG
                Level level = queueDown.compareAndSet(false, true) ? Level.WARNING : Level.DEBUG;
                LOG.log(level, "queue unavailable, retrying in {0} ms: {1}", backoff.toMillis(), describe(e));
                if (!sleep(backoff)) {
                    return;
                }
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                continue;
            }
            if (claimed.isEmpty()) {
                slots.release();
                continue;
            }
            Claim claim = claimed.get();
            if (!running) {
                releaseQuietly(claim);
                slots.release();
                return;
            }
            held.put(claim.receipt(), claim);
            CompletableFuture.supplyAsync(() -> processInContext(claim), io)
                    .thenCompose(outcome -> outcome)
                    .whenComplete((outcome, error) -> finish(claim, outcome, error));
        }
    }

    private void finish(Claim claim, Outcome outcome, Throwable error) {
        try (JobLogContext.Scope scope = logContext.enter(claim.jobId(), Optional.empty())) {
            if (held.remove(claim.receipt()) == null) {
                return; // released at shutdown meanwhile
            }
            if (error != null) {
                LOG.log(
                        Level.WARNING,
                        "job {0}: left to be claimed again after its lease: {1}",
                        claim.jobId(),
                        describe(error));
                return;
            }
            if (outcome == Outcome.DONE) {
                try {
                    queue.complete(claim);
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "job {0}: finished but not acknowledged; a later claim will see it finished",
                            claim.jobId());
                }
            }
        } finally {
            slots.release();
        }
    }

    private void renewLeases() {
        for (Claim claim : held.values()) {
            try (JobLogContext.Scope scope = logContext.enter(claim.jobId(), Optional.empty())) {
                queue.renew(claim);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "job {0}: lease not renewed: {1}", claim.jobId(), describe(e));
            }
        }
    }

    /** What became of a claim: acknowledge it, or leave it to be claimed again after its lease. */
    private enum Outcome {
        DONE,
        RETRY_LATER
    }

    private CompletableFuture<Outcome> processInContext(Claim claim) {
        try (JobLogContext.Scope scope = logContext.enter(claim.jobId(), Optional.empty())) {
            return process(claim);
        }
    }

    /** Runs on the io executor; the returned stage completes when the job is finished or given up. */
    private CompletableFuture<Outcome> process(Claim claim) {
        try {
            Optional<Job> found = jobs.find(claim.jobId());
            if (found.isEmpty()) {
                LOG.log(Level.INFO, "job {0}: expired before it was processed", claim.jobId());
                return CompletableFuture.completedFuture(Outcome.DONE);
            }
            Job job = found.get();
            try (JobLogContext.Scope withDraft = logContext.enter(job.id(), Optional.of(job.eventDraftId()))) {
                return process(claim, job);
            }
        } catch (StoreUnavailableException e) {
            LOG.log(
                    Level.WARNING,
                    "job {0}: store unavailable, will be claimed again: {1}",
                    claim.jobId(),
                    describe(e));
            return CompletableFuture.completedFuture(Outcome.RETRY_LATER);
        }
    }

    private CompletableFuture<Outcome> process(Claim claim, Job found) {
        Job job = found;
        try {
            if (job.status().isTerminal()) {
                return CompletableFuture.completedFuture(Outcome.DONE);
            }
            if (claim.attempt() > settings.maxAttempts()) {
                JobFailure poisoned = JobFailure.of(
                        JobFailure.POISONED, "the job was claimed " + claim.attempt() + " times without finishing");
                jobs.update(job.fail(poisoned, clock));
                metrics.jobFailed(poisoned.code(), Duration.ZERO);
                LOG.log(Level.WARNING, "job {0}: failed as poisoned after {1} claims", claim.jobId(), claim.attempt());
                return CompletableFuture.completedFuture(Outcome.DONE);
            }
            if (job.status() == JobStatus.PENDING) {
                Job started = job.start(clock);
                if (!jobs.update(started)) {
                    return CompletableFuture.completedFuture(Outcome.DONE); // finished by someone else
                }
                job = started;
            }
            LOG.log(
                    Level.INFO,
                    "job {0}: processing draft {1} (attempt {2})",
                    job.id(),
                    job.eventDraftId(),
                    claim.attempt());
            return new Run(job).start();
        } catch (StoreUnavailableException e) {
            LOG.log(
                    Level.WARNING,
                    "job {0}: store unavailable, will be claimed again: {1}",
                    claim.jobId(),
                    describe(e));
            return CompletableFuture.completedFuture(Outcome.RETRY_LATER);
        }
    }

    /** One attempt at one job: three styles in parallel, then the image set, then COMPLETED. */
    private final class Run {
        private final Instant started = clock.instant();
        private final Instant deadline = started.plus(settings.jobDeadline());
        private final Map<ImageStyle, String> urls = new EnumMap<>(ImageStyle.class);
        private final TreeSet<String> generators = new TreeSet<>();
        private final List<CompletableFuture<GeneratedImage>> drawings =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean abandoned;
        /** The io executor, with the job's logging context around every step. */
        private final java.util.concurrent.Executor inJob;

        private Job current;

        Run(Job job) {
            this.current = job;
            this.inJob = command -> io.execute(() -> {
                try (JobLogContext.Scope scope = logContext.enter(job.id(), Optional.of(job.eventDraftId()))) {
                    command.run();
                }
            });
        }

        /** The job ended elsewhere (canceled): stop the drawings, write nothing more. */
        void abandon() {
            abandoned = true;
            drawings.forEach(drawing -> drawing.cancel(true));
        }

        CompletableFuture<Outcome> start() {
            JobId id = current.id();
            runs.put(id, this);
            List<CompletableFuture<Void>> styles = new ArrayList<>();
            for (ImageStyle style : ImageStyle.values()) {
                styles.add(drawAndHost(style));
            }
            CompletableFuture<Outcome> result = allOrFirstFailure(styles)
                    .orTimeout(settings.jobDeadline().toMillis(), TimeUnit.MILLISECONDS)
                    .thenApplyAsync(ignored -> completeJob(), inJob)
                    .exceptionallyAsync(this::failJob, inJob);
            // past the deadline or after a failed style, stop the drawings still running (an HTTP
            // generator cancels its call); cancelling the derived stages would not reach them
            result.whenComplete((outcome, error) -> {
                runs.remove(id, this);
                drawings.forEach(drawing -> drawing.cancel(true));
            });
            if (abandoned) {
                abandon(); // canceled while the drawings were being started
            }
            return result;
        }

        private CompletableFuture<Void> drawAndHost(ImageStyle style) {
            Instant styleStart = clock.instant();
            CompletableFuture<GeneratedImage> drawn;
            try {
                drawn = generator.generate(ImageRequest.of(current.id(), style, current.recommendation(), deadline));
            } catch (RuntimeException e) {
                drawn = CompletableFuture.failedFuture(e);
            }
            drawings.add(drawn);
            return drawn.whenComplete((image, error) ->
                            metrics.styleFinished(style, error == null, Duration.between(styleStart, clock.instant())))
                    .thenAcceptAsync(image -> host(style, image), inJob);
        }

        private void host(ImageStyle style, GeneratedImage image) {
            ImageFileName name = ImageFileName.of(current.id(), style, image.format());
            imageStore.put(name, image);
            String url = links.urlOf(name);
            synchronized (this) {
                urls.put(style, url);
                generators.add(image.generator());
                if (current.status() == JobStatus.PROCESSING) {
                    current = current.styleDone(style, clock);
                    // the last style needs no progress write of its own: COMPLETED follows at once
                    if (current.stylesDone().size() < ImageStyle.values().length) {
                        jobs.update(current);
                    }
                }
            }
            LOG.log(Level.DEBUG, "job {0}: {1} image stored ({2} bytes)", current.id(), style.key(), image.size());
        }

        private Outcome completeJob() {
            if (abandoned) {
                return Outcome.DONE;
            }
            Job done;
            synchronized (this) {
                imageSets.save(
                        current.eventDraftId(), DraftImages.made(current.id(), new ImageSet(urls), clock.instant()));
                done = current.complete(String.join("+", generators), clock);
            }
            Duration took = Duration.between(started, clock.instant());
            if (jobs.update(done)) {
                metrics.jobCompleted(took);
                LOG.log(
                        Level.INFO,
                        "job {0}: COMPLETED in {1} ms by {2}",
                        done.id(),
                        took.toMillis(),
                        done.generator().orElse("?"));
            }
            return Outcome.DONE;
        }

        private Outcome failJob(Throwable error) {
            if (abandoned) {
                LOG.log(Level.INFO, "job {0}: stopped, it ended elsewhere", current.id());
                return Outcome.DONE;
            }
            Throwable cause = Async.unwrap(error);
            if (cause instanceof StoreUnavailableException) {
                LOG.log(
                        Level.WARNING,
                        "job {0}: store unavailable, will be claimed again: {1}",
                        current.id(),
                        describe(cause));
                return Outcome.RETRY_LATER;
            }
            JobFailure failure = failureOf(cause);
            Duration took = Duration.between(started, clock.instant());
            try {
                Job failed;
                synchronized (this) {
                    failed = current.fail(failure, clock);
                }
                if (jobs.update(failed)) {
                    metrics.jobFailed(failure.code(), took);
                    LOG.log(
                            Level.WARNING,
                            "job {0}: FAILED with {1}: {2}",
                            current.id(),
                            failure.code(),
                            failure.detail());
                }
                return Outcome.DONE;
            } catch (StoreUnavailableException e) {
                LOG.log(Level.WARNING, "job {0}: could not store its failure, will be claimed again", current.id());
                return Outcome.RETRY_LATER;
            }
        }

        private JobFailure failureOf(Throwable cause) {
            if (cause instanceof TimeoutException) {
                return JobFailure.of(
                        JobFailure.DEADLINE,
                        "the images were not ready within "
                                + settings.jobDeadline().toSeconds() + " seconds");
            }
            if (cause instanceof ContentException known) {
                return JobFailure.from(known);
            }
            LOG.log(Level.ERROR, "job " + current.id() + ": unexpected error", cause);
            return JobFailure.of(
                    JobFailure.INTERNAL, "unexpected error: " + cause.getClass().getSimpleName());
        }
    }

    /** Completes with all results, or exceptionally with the first failure without waiting for the rest. */
    static CompletableFuture<Void> allOrFirstFailure(List<CompletableFuture<Void>> stages) {
        CompletableFuture<Void> all = new CompletableFuture<>();
        AtomicInteger remaining = new AtomicInteger(stages.size());
        for (CompletableFuture<Void> stage : stages) {
            stage.whenComplete((ignored, error) -> {
                if (error != null) {
                    all.completeExceptionally(Async.unwrap(error));
                } else if (remaining.decrementAndGet() == 0) {
                    all.complete(null);
                }
            });
        }
        return all;
    }

    private static String describe(Throwable error) {
        Throwable cause = Async.unwrap(error);
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private void releaseQuietly(Claim claim) {
        try {
            queue.release(claim);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job {0}: could not release, its lease will expire", claim.jobId());
        }
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
