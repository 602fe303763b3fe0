package dev.contentservice.application;

import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobRepository;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Brings a cancel to the instance that draws the job: on each job-change notice for a job this instance's
 * worker is drawing, reads the job and, when it ended (it was canceled on any instance), tells the worker
 * to stop it, which cancels its provider calls. Notices of other jobs cost nothing. Notices may be lost
 * (a subscriber reconnecting), so the jobs being drawn are also looked at every {@link #RECHECK}.
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

    public StopEndedJobs(JobChanges changes, JobRepository jobs, ImageGenerationWorker worker) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.worker = Objects.requireNonNull(worker, "worker");
    }

    public synchronized void start() {
        if (subscription == null) {
            subscription = changes.subscribe(this::noticed);
            long every = RECHECK.toMillis();
            reads.scheduleWithFixedDelay(
                    () -> worker.running().forEach(this::stopIfEnded), every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void noticed(JobId jobId) {
        if (!worker.isRunning(jobId)) {
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
