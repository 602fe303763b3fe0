package dev.contentservice.application;

import dev.contentservice.domain.ClaimedJob;
import dev.contentservice.domain.ContentException;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageLinks;
import dev.contentservice.domain.ImageRequest;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.JobType;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.StoreUnavailableException;
import dev.contentservice.domain.StoredStyle;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What happens to one claimed job: the business rules of the worker, without its threads. Draws the styles
 * the job does not have yet in parallel (a job taken over after a crash or a lost lease keeps the styles an
 * earlier attempt stored), hosts each image and records it on the job at once, then finishes the job in one
 * step ({@link JobQueue#finish}: image set, COMPLETED, acknowledgement), or fails it with a reason.
 * Given a {@link ComposePosters} (the service's wiring), each style is drawn through it in the formats the
 * job asked for: the set then holds the square URLs and, when more than the square was asked, the URLs per
 * format.
 *
 * An {@code IMAGE_EDIT} job is the owner's edit ({@link EditDraftImages#apply}): it re-sets one style from
 * the kept art and restyles the draft's set itself, so it finishes without storing a set, under the same
 * deadline and failure rules.
 *
 * <p>Rules it keeps:
 *
 * <ul>
 *   <li>a job claimed more than {@link WorkerSettings#maxAttempts()} times fails as poisoned, without drawing;
 *   <li>an attempt's whole time budget is {@link WorkerSettings#jobDeadline()};
 *   <li>the image set is stored in the same step that says COMPLETED; a terminal state is never overwritten;
 *   <li>when a store is unavailable the job is neither completed nor failed ({@link Outcome#RETRY_LATER}):
 *       its lease runs out and it is claimed again, so no accepted job is lost.
 * </ul>
 *
 * <p>Blocking store calls run on the given executor; generators are asynchronous. With a direct executor
 * and a generator that answers at once, {@link #run} completes before it returns.
 */
public final class JobProcedure {
    private static final System.Logger PLAIN_LOG = System.getLogger(JobProcedure.class.getName());
    /** The generator a COMPLETED {@code IMAGE_EDIT} job names: its posters were re-set from the kept art. */
    static final String EDIT_GENERATOR = "edit";

    /** Writes each line with the job it names in the logging context (see {@link JobLogContext}). */
    private final JobContextLogger LOG;

    private final JobQueue queue;
    private final ImageGenerator generator;
    private final ImageStore imageStore;
    private final ImageLinks links;
    private final Clock clock;
    private final JobMetrics metrics;
    private final WorkerSettings settings;
    private final Executor io;
    private final ProgressMarks marks;
    private final Optional<ComposePosters> posters;
    private final Optional<EditDraftImages> edits;
    private final Map<JobId, Attempt> runs = new ConcurrentHashMap<>();

    /** What became of a claim. */
    public enum Outcome {
        /** Finished (COMPLETED or FAILED, or found finished) and acknowledged. */
        DONE,
        /** Left to be claimed again after its lease (a store did not answer). */
        RETRY_LATER
    }

    /**
     * @param posters when present, each style is drawn through it in the job's formats (issue 13: the
     *     provider's art with the service's type); when empty, {@code generator} draws the square posters
     * @param edits applies the owner's edit of an {@code IMAGE_EDIT} job; without it such a job fails (the
     *     service always wires it)
     */
    JobProcedure(
            JobQueue queue,
            ImageGenerator generator,
            ImageStore imageStore,
            ImageLinks links,
            Clock clock,
            JobMetrics metrics,
            WorkerSettings settings,
            Executor io,
            ProgressMarks marks,
            JobLogContext logContext,
            Optional<ComposePosters> posters,
            Optional<EditDraftImages> edits) {
        this.posters = Objects.requireNonNull(posters, "posters");
        this.edits = Objects.requireNonNull(edits, "edits");
        this.LOG = new JobContextLogger(PLAIN_LOG, Objects.requireNonNull(logContext, "logContext"), this::draftOf);
        this.queue = Objects.requireNonNull(queue, "queue");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.imageStore = Objects.requireNonNull(imageStore, "imageStore");
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.io = Objects.requireNonNull(io, "io");
        this.marks = Objects.requireNonNull(marks, "marks");
    }

    /**
     * A procedure whose store calls and progress marks run on {@code io}, each mark written at once (no
     * batching window): for tests and for embedding without the queue consumer.
     */
    public static JobProcedure of(
            JobQueue queue,
            dev.contentservice.domain.JobRepository jobs,
            ImageGenerator generator,
            ImageStore imageStore,
            ImageLinks links,
            Clock clock,
            JobMetrics metrics,
            WorkerSettings settings,
            Executor io) {
        return new JobProcedure(
                queue,
                generator,
                imageStore,
                links,
                clock,
                metrics,
                settings,
                io,
                new ProgressMarks(jobs, io, null, Duration.ZERO),
                JobLogContext.NONE,
                Optional.empty(),
                Optional.empty());
    }

    private Optional<EventDraftId> draftOf(JobId jobId) {
        Attempt attempt = runs.get(jobId);
        return attempt == null ? Optional.empty() : Optional.of(attempt.job.eventDraftId());
    }

    /** Whether this instance is drawing the job right now. */
    public boolean isRunning(JobId jobId) {
        return runs.containsKey(jobId);
    }

    /**
     * Whether this instance is drawing the job and has not begun to write its end: the notice of a job's own
     * COMPLETED or FAILED comes while it finishes, and is no news to this instance.
     */
    public boolean isDrawing(JobId jobId) {
        Attempt attempt = runs.get(jobId);
        return attempt != null && !attempt.finishing;
    }

    /** The jobs this instance is drawing right now. */
    public Set<JobId> running() {
        return Set.copyOf(runs.keySet());
    }

    /**
     * Stops drawing a job that ended elsewhere (it was canceled): its generator calls are cancelled and
     * nothing more is written for it but the acknowledgement of its claim. Does nothing when the job does
     * not run here.
     */
    public void stop(JobId jobId) {
        Attempt run = runs.get(jobId);
        if (run != null && !run.finishing) { // a finishing job's own COMPLETED or FAILED notice is no cancel
            LOG.log(Level.INFO, "job {0}: ended elsewhere, its drawings are cancelled", jobId);
            run.abandon();
        }
    }

    /** Works on the claimed job; the stage completes when the job is finished or given up. Never fails. */
    public CompletableFuture<Outcome> run(ClaimedJob claimed) {
        try {
            Job job = claimed.job();
            JobQueue.Claim claim = claimed.claim();
            if (job.status().isTerminal()) {
                queue.complete(claim);
                return CompletableFuture.completedFuture(Outcome.DONE);
            }
            if (claim.attempt() > settings.maxAttempts()) {
                JobFailure poisoned = JobFailure.of(
                        JobFailure.POISONED, "the job was claimed " + claim.attempt() + " times without finishing");
                if (queue.finish(claim, job.fail(poisoned, clock), Optional.empty())) {
                    metrics.jobFailed(poisoned.code(), Duration.ZERO);
                    LOG.log(Level.WARNING, "job {0}: failed as poisoned after {1} claims", job.id(), claim.attempt());
                }
                return CompletableFuture.completedFuture(Outcome.DONE);
            }
            Attempt attempt = new Attempt(claimed);
            runs.put(job.id(), attempt); // before the first line, so that it carries the draft too
            // one INFO line per job is enough (its outcome); a start is worth one only for a job taken over
            boolean takenOver = claim.attempt() > 1 || !claimed.stored().isEmpty();
            LOG.log(
                    takenOver ? Level.INFO : Level.DEBUG,
                    "job {0}: processing draft {1} (attempt {2}, {3} of {4} styles kept from earlier attempts)",
                    job.id(),
                    job.eventDraftId(),
                    String.valueOf(claim.attempt()),
                    String.valueOf(claimed.stored().size()),
                    String.valueOf(ImageStyle.values().length));
            return attempt.start();
        } catch (StoreUnavailableException e) {
            LOG.log(
                    Level.WARNING,
                    "job {0}: store unavailable, will be claimed again: {1}",
                    claimed.claim().jobId(),
                    describe(e));
            return CompletableFuture.completedFuture(Outcome.RETRY_LATER);
        } catch (RuntimeException e) {
            JobId id = claimed.claim().jobId();
            LOG.logAbout(Level.ERROR, id, "job " + id + ": unexpected error, left to its lease", e);
            return CompletableFuture.completedFuture(Outcome.RETRY_LATER);
        }
    }

    /** One attempt at one job: the missing styles in parallel, then one finishing step. */
    private final class Attempt {
        private final ClaimedJob claimed;
        private final Job job;
        private final Instant started = clock.instant();
        private final Instant deadline = started.plus(settings.jobDeadline());
        private final Map<ImageStyle, String> urls = new EnumMap<>(ImageStyle.class);
        private final TreeSet<String> generators = new TreeSet<>();
        /** The URLs per format of the styles drawn in this attempt through {@link ComposePosters}. */
        private final Map<ImageStyle, Map<PosterFormat, String>> drawnFormats = new EnumMap<>(ImageStyle.class);

        private final List<CompletableFuture<?>> drawings = new CopyOnWriteArrayList<>();
        /** The styles stored in this attempt, as their progress marks. */
        private final List<StoredStyle> drawn = new CopyOnWriteArrayList<>();

        private final AtomicInteger missing;
        private volatile boolean abandoned;
        /** The finishing step has begun: the job's end is written by this attempt, not elsewhere. */
        private volatile boolean finishing;

        Attempt(ClaimedJob claimed) {
            this.claimed = claimed;
            this.job = claimed.job();
            claimed.stored().forEach((style, stored) -> {
                urls.put(style, stored.url());
                generators.add(stored.generator());
            });
            this.missing = new AtomicInteger(ImageStyle.values().length - urls.size());
        }

        /** The job ended elsewhere (canceled): stop the drawings, write nothing more. */
        void abandon() {
            abandoned = true;
            drawings.forEach(drawing -> drawing.cancel(true));
        }

        /** The claim of an abandoned job is only acknowledged (best effort: else its lease runs out). */
        private Outcome acknowledgeOnly() {
            marks.forget(job.id());
            try {
                queue.complete(claimed.claim());
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "job {0}: stopped, acknowledgement left to its lease", job.id());
            }
            return Outcome.DONE;
        }

        CompletableFuture<Outcome> start() {
            JobId id = job.id();
            runs.put(id, this);
            Set<ImageStyle> toDraw = EnumSet.allOf(ImageStyle.class);
            toDraw.removeAll(urls.keySet());
            List<CompletableFuture<Void>> styles = new ArrayList<>();
            if (job.type() == JobType.IMAGE_EDIT) {
                styles.add(applyEdit());
            } else {
                for (ImageStyle style : toDraw) {
                    styles.add(drawAndHost(style));
                }
            }
            CompletableFuture<Outcome> result = Async.allOrFirstFailure(styles)
                    .orTimeout(settings.jobDeadline().toMillis(), TimeUnit.MILLISECONDS)
                    .thenApplyAsync(ignored -> completeJob(), io)
                    .exceptionallyAsync(this::failJob, io);
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

        /**
         * The owner's edit, re-set from the kept art and pointed at by the draft's set ({@link
         * EditDraftImages#apply}): the set is written there, so the finishing step stores none. Run again
         * after a takeover, it simply re-sets the style again from the same art.
         */
        private CompletableFuture<Void> applyEdit() {
            CompletableFuture<DraftImages> applied;
            try {
                EditDraftImages editor = edits.orElseThrow(
                        () -> new IllegalStateException("this worker was built without the edit use case"));
                applied = editor.apply(job.eventDraftId(), job.id(), job.edit().orElseThrow());
            } catch (RuntimeException e) {
                applied = CompletableFuture.failedFuture(e);
            }
            drawings.add(applied);
            return applied.thenAccept(set -> {
                synchronized (this) {
                    generators.add(EDIT_GENERATOR);
                }
                LOG.log(
                        Level.DEBUG,
                        "job {0}: {1} re-set in {2}",
                        job.id(),
                        job.edit().orElseThrow().style().key(),
                        set.formats().keySet());
            });
        }

        private CompletableFuture<Void> drawAndHost(ImageStyle style) {
            if (posters.isPresent()) {
                return compose(posters.get(), style);
            }
            Instant styleStart = clock.instant();
            CompletableFuture<GeneratedImage> drawn;
            try {
                drawn = generator.generate(ImageRequest.of(job.id(), style, job.recommendation(), deadline));
            } catch (RuntimeException e) {
                drawn = CompletableFuture.failedFuture(e);
            }
            drawings.add(drawn);
            return drawn.whenComplete((image, error) ->
                            metrics.styleFinished(style, error == null, Duration.between(styleStart, clock.instant())))
                    .thenAcceptAsync(image -> host(style, image), io);
        }

        /** Draws the style in the job's formats; the composer stores them, the job records the square URL. */
        private CompletableFuture<Void> compose(ComposePosters composer, ImageStyle style) {
            Instant styleStart = clock.instant();
            CompletableFuture<StylePosters> drawn;
            try {
                drawn = composer.draw(
                        job.id(), style, job.recommendation(), job.options().formats(), deadline);
            } catch (RuntimeException e) {
                drawn = CompletableFuture.failedFuture(e);
            }
            drawings.add(drawn);
            return drawn.whenComplete((made, error) ->
                            metrics.styleFinished(style, error == null, Duration.between(styleStart, clock.instant())))
                    .thenAcceptAsync(made -> record(made), io);
        }

        private void record(StylePosters made) {
            ImageStyle style = made.style();
            String url = made.url(PosterFormat.SQUARE);
            synchronized (this) {
                urls.put(style, url);
                drawnFormats.put(style, made.urls());
                generators.add(made.generator());
            }
            stored(new StoredStyle(job.id(), style, url, made.generator(), clock.instant()));
            LOG.log(
                    Level.DEBUG,
                    "job {0}: {1} posters stored ({2})",
                    job.id(),
                    style.key(),
                    made.urls().keySet());
        }

        /**
         * The set's further formats: none when the job asked for the square only (the seed's record), else
         * every asked format that each style has. A style kept from an earlier attempt is recorded by its
         * square URL only; its other formats were stored under the names {@link ComposePosters} gives them.
         */
        private Map<PosterFormat, ImageSet> formats() {
            Set<PosterFormat> asked = job.options().formats();
            if (posters.isEmpty() || asked.equals(Set.of(PosterFormat.SQUARE))) {
                return Map.of();
            }
            Set<PosterFormat> keptMade = posters.get().formatsMade(asked);
            Map<PosterFormat, ImageSet> result = new EnumMap<>(PosterFormat.class);
            for (PosterFormat format : asked) {
                Map<ImageStyle, String> byStyle = new EnumMap<>(ImageStyle.class);
                for (ImageStyle style : ImageStyle.values()) {
                    Map<PosterFormat, String> drawn = drawnFormats.get(style);
                    if (drawn != null) {
                        if (drawn.containsKey(format)) {
                            byStyle.put(style, drawn.get(format));
                        }
                    } else if (format == PosterFormat.SQUARE) {
                        byStyle.put(style, urls.get(style));
                    } else if (keptMade.contains(format)) {
                        byStyle.put(style, links.urlOf(ImageFileName.of(job.id(), style, format)));
                    }
                }
                if (byStyle.size() == ImageStyle.values().length) {
                    result.put(format, new ImageSet(byStyle));
                }
            }
            return result;
        }

        private void host(ImageStyle style, GeneratedImage image) {
            ImageFileName name = ImageFileName.of(job.id(), style, image.format());
            imageStore.put(name, image);
            String url = links.urlOf(name);
            synchronized (this) {
                urls.put(style, url);
                generators.add(image.generator());
            }
            stored(new StoredStyle(job.id(), style, url, image.generator(), clock.instant()));
            LOG.log(Level.DEBUG, "job {0}: {1} image stored ({2} bytes)", job.id(), style.key(), image.size());
        }

        /**
         * A style is stored: its mark waits for the job's window ({@link ProgressMarks}). When it is the last
         * style the finishing step follows at once and records every image, so the job's marks still waiting
         * are dropped (should that step fail, {@link #keepDrawn} writes them after all).
         */
        private void stored(StoredStyle mark) {
            drawn.add(mark);
            if (missing.decrementAndGet() > 0) {
                marks.add(mark);
            } else {
                marks.forget(job.id());
            }
        }

        /** The job was drawn but not finished: its styles are recorded so that the next claim keeps them. */
        private void keepDrawn() {
            drawn.forEach(marks::add);
        }

        private Outcome completeJob() {
            if (abandoned) {
                return acknowledgeOnly();
            }
            finishing = true;
            Job done;
            Optional<DraftImages> images;
            synchronized (this) {
                // an edit's set was restyled in place: storing a set here would overwrite it
                images = job.type() == JobType.IMAGE_EDIT
                        ? Optional.empty()
                        : Optional.of(DraftImages.made(job.id(), new ImageSet(urls), clock.instant())
                                .withFormats(formats()));
                done = job.complete(String.join("+", generators), clock);
            }
            Duration took = Duration.between(started, clock.instant());
            boolean written;
            try {
                written = queue.finish(claimed.claim(), done, images);
            } catch (StoreUnavailableException e) {
                LOG.log(
                        Level.WARNING,
                        "job {0}: drawn but not finished (store unavailable), will be claimed again: {1}",
                        job.id(),
                        describe(e));
                keepDrawn();
                return Outcome.RETRY_LATER;
            }
            marks.forget(job.id());
            if (written) {
                if (job.type() == JobType.IMAGE_EDIT) {
                    metrics.editCompleted(took);
                } else {
                    metrics.jobCompleted(took);
                }
                // the line every job writes: put together here, without MessageFormat (a new one per line)
                LOG.logAbout(
                        Level.INFO,
                        done.id(),
                        () -> "job " + done.id() + ": COMPLETED in " + took.toMillis() + " ms by "
                                + done.generator().orElse("?"));
            }
            return Outcome.DONE;
        }

        private Outcome failJob(Throwable error) {
            if (abandoned) {
                LOG.log(Level.INFO, "job {0}: stopped, it ended elsewhere", job.id());
                return acknowledgeOnly();
            }
            Throwable cause = Async.unwrap(error);
            if (cause instanceof StoreUnavailableException) {
                LOG.log(
                        Level.WARNING,
                        "job {0}: store unavailable, will be claimed again: {1}",
                        job.id(),
                        describe(cause));
                return Outcome.RETRY_LATER;
            }
            JobFailure failure = failureOf(cause);
            finishing = true;
            Duration took = Duration.between(started, clock.instant());
            try {
                Job failed = job.fail(failure, clock);
                boolean written = queue.finish(claimed.claim(), failed, Optional.empty());
                marks.forget(job.id());
                if (written) {
                    metrics.jobFailed(failure.code(), took);
                    LOG.log(Level.WARNING, "job {0}: FAILED with {1}: {2}", job.id(), failure.code(), failure.detail());
                }
                return Outcome.DONE;
            } catch (StoreUnavailableException e) {
                LOG.log(Level.WARNING, "job {0}: could not store its failure, will be claimed again", job.id());
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
            LOG.logAbout(Level.ERROR, job.id(), "job " + job.id() + ": unexpected error", cause);
            return JobFailure.of(
                    JobFailure.INTERNAL, "unexpected error: " + cause.getClass().getSimpleName());
        }
    }

    static String describe(Throwable error) {
        Throwable cause = Async.unwrap(error);
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
