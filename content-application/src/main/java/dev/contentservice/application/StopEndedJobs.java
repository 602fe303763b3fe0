package dev.contentservice.application;

import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobRepository;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Brings a cancel to the instance that draws the job: on each job-change notice for a job this instance's
 * worker is drawing, reads the job and, when it ended (it was canceled on any instance), tells the worker
 * to stop it, which cancels its provider calls. Notices of other jobs cost nothing, nor does the notice of a
 * job's own end written here. Notices may be lost
 * (a subscriber reconnecting): the backend says so when it is subscribed again, and every job being drawn
 * is then read once. A job canceled between its claim and the start of its drawing heard its notice before
 * it counted as running here, so each job still running after its first full {@link #RECHECK} period is
 * read once more. Nothing is read periodically per running job: 500 jobs waiting on a slow provider cost
 * Redis no reads a second (they cost 100 a second when each was read every period).
 */
public final class StopEndedJobs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StopEndedJobs.class.getName());

    private final JobChanges changes;
    private final JobRepository jobs;
    private final ImageGenerationWorker worker;
    static final Duration RECHECK = Duration.ofSeconds(5);

    private final ScheduledExecutorService reads = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "content-stop-ended-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private JobChanges.Subscription subscription;
    /** Only touched on the {@code reads} thread: the jobs running at the last tick, and those read since. */
    private final Set<JobId> seenRunning = new HashSet<>();

    private final Set<JobId> checked = new HashSet<>();

    public StopEndedJobs(JobChanges changes, JobRepository jobs, ImageGenerationWorker worker) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.worker = Objects.requireNonNull(worker, "worker");
    }

    public synchronized void start() {
        if (subscription == null) {
            subscription = changes.subscribe(this::noticed, this::recheckAll);
            long every = RECHECK.toMillis();
            reads.scheduleWithFixedDelay(this::checkNewlyRunning, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Notices may have been lost: every job being drawn here is read once. */
    private void recheckAll() {
        try {
            reads.execute(() -> worker.running().forEach(this::stopIfEnded));
        } catch (RejectedExecutionException closed) {
            // closing
        }
    }

    /**
     * Reads each job once, at the first tick after a whole period in which it was running here (a cancel
     * noticed just before it counted as running is caught then); never again after that.
     */
    private void checkNewlyRunning() {
        Set<JobId> running = worker.running();
        for (JobId id : running) {
            if (seenRunning.contains(id) && checked.add(id)) {
                stopIfEnded(id);
            }
        }
        seenRunning.clear();
        seenRunning.addAll(running);
        checked.retainAll(running);
    }

    private void noticed(JobId jobId) {
        // a job finishing here hears its own COMPLETED or FAILED: reading it back would cost a read a job
        if (!worker.isDrawing(jobId)) {
            return;
        }
        reads.execute(() -> stopIfEnded(jobId));
    }

    private void stopIfEnded(JobId jobId) {
        try {
            jobs.find(jobId).filter(job -> job.status().isTerminal()).ifPresent(ended -> worker.stop(jobId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job {0}: could not read it: {1}", jobId, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
        }
        reads.shutdownNow();
    }
}
