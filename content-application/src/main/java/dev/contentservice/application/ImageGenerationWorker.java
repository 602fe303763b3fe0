package dev.contentservice.application;

import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageLinks;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.JobRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background worker: a {@link QueueConsumer} (pollers, batch claims, leases, backoff, hand-over at
 * shutdown) feeding the {@link JobProcedure} (draw the missing styles, host them, finish the job), with
 * the threads both need. See those two classes for the rules each keeps.
 *
 * <p>Generators are asynchronous, so a job waiting on a slow provider holds no thread; blocking store
 * calls run on a small pool of the worker's own, and a job's next stage stays on the pool thread that
 * finished the one before. A job's progress marks wait {@link #MARK_WINDOW}:
 * dropped when the job finishes by then, else written together with the other jobs' due marks.
 */
public final class ImageGenerationWorker implements AutoCloseable {
    /**
     * How long a job's progress marks wait before they are written (with every other job's due marks): a
     * job finished within it needs none. A crash within it loses at most this much drawing to a takeover.
     */
    static final Duration MARK_WINDOW = Duration.ofMillis(20);

    private final ExecutorService io;
    private final ScheduledExecutorService timer;
    private final QueueConsumer consumer;
    private final JobProcedure procedure;

    /** A worker whose {@code generator} draws the square posters; an {@code IMAGE_EDIT} job fails here. */
    public ImageGenerationWorker(
            JobQueue queue,
            JobRepository jobs,
            ImageGenerator generator,
            ImageStore imageStore,
            ImageLinks links,
            Clock clock,
            JobMetrics metrics,
            WorkerSettings settings) {
        this(
                queue,
                jobs,
                generator,
                imageStore,
                links,
                clock,
                metrics,
                settings,
                JobLogContext.NONE,
                Optional.empty(),
                Optional.empty());
    }

    /**
     * The service's worker: generations through {@code posters}, and the owner's edits ({@code IMAGE_EDIT}).
     *
     * @param logContext puts the job's id and draft into the logging context of every line its work writes
     */
    @Inject
    public ImageGenerationWorker(
            JobQueue queue,
            JobRepository jobs,
            ImageGenerator generator,
            ImageStore imageStore,
            ImageLinks links,
            Clock clock,
            JobMetrics metrics,
            WorkerSettings settings,
            JobLogContext logContext,
            ComposePosters posters,
            EditDraftImages edits) {
        this(
                queue,
                jobs,
                generator,
                imageStore,
                links,
                clock,
                metrics,
                settings,
                logContext,
                Optional.of(posters),
                Optional.of(edits));
    }

    private ImageGenerationWorker(
            JobQueue queue,
            JobRepository jobs,
            ImageGenerator generator,
            ImageStore imageStore,
            ImageLinks links,
            Clock clock,
            JobMetrics metrics,
            WorkerSettings settings,
            JobLogContext logContext,
            Optional<ComposePosters> posters,
            Optional<EditDraftImages> edits) {
        Objects.requireNonNull(settings, "settings");
        Async.Pool pool = new Async.Pool(Math.min(8, Math.max(2, settings.maxInFlightJobs())), "content-worker-io");
        this.io = pool.executor();
        this.timer = Executors.newSingleThreadScheduledExecutor(Async.daemonThreads("content-worker-timer"));
        ProgressMarks marks = new ProgressMarks(jobs, io, timer, MARK_WINDOW);
        // a job's stages stay on the io thread that runs them: with a generator that answers at once a whole
        // job runs on one thread without a hand-over; a provider's answer still hops off its HTTP thread
        JobProcedure procedure = this.procedure = new JobProcedure(
                queue,
                generator,
                imageStore,
                links,
                clock,
                metrics,
                settings,
                pool.inPlace(),
                marks,
                logContext,
                posters,
                edits);
        this.consumer = new QueueConsumer(
                queue,
                claimed -> CompletableFuture.supplyAsync(() -> procedure.run(claimed), io)
                        .thenCompose(outcome -> outcome),
                settings,
                timer);
    }

    /** Starts the pollers. Idempotent. */
    public void start() {
        consumer.start();
    }

    /** Whether this instance is drawing the job right now. */
    public boolean isRunning(JobId jobId) {
        return procedure.isRunning(jobId);
    }

    /** Whether this instance is drawing the job and has not begun to write its end ({@link JobProcedure#isDrawing}). */
    public boolean isDrawing(JobId jobId) {
        return procedure.isDrawing(jobId);
    }

    /** The jobs this instance is drawing right now. */
    public Set<JobId> running() {
        return procedure.running();
    }

    /**
     * Stops drawing a job that ended elsewhere (it was canceled): its generator calls are cancelled and
     * nothing more is written for it. Does nothing when the job does not run here.
     */
    public void stop(JobId jobId) {
        procedure.stop(jobId);
    }

    /** Jobs this instance is working on right now. */
    public int inFlight() {
        return consumer.inFlight();
    }

    /**
     * Stops claiming, waits up to the shutdown grace for running jobs, then releases whatever is still
     * held so that another instance claims it at once.
     */
    @Override
    public void close() {
        consumer.close();
        timer.shutdownNow();
        io.shutdown();
        try {
            io.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        io.shutdownNow();
    }
}
