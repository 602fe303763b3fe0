package dev.contentservice.application;

import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobRepository;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Brings a cancel to the instance that draws the job: on each job-change notice for a job this instance's
 * worker is drawing, reads the job and, when it ended (it was canceled on any instance), tells the worker
 * to stop it, which cancels its provider calls. Notices of other jobs cost nothing.
 */
public final class StopEndedJobs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StopEndedJobs.class.getName());

    private final JobChanges changes;
    private final JobRepository jobs;
    private final ImageGenerationWorker worker;
    private final ExecutorService reads = Executors.newSingleThreadExecutor(runnable -> {
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
        }
    }

    private void noticed(JobId jobId) {
        if (!worker.isRunning(jobId)) {
            return;
        }
        reads.execute(() -> {
            try {
                jobs.find(jobId).filter(job -> job.status().isTerminal()).ifPresent(ended -> worker.stop(jobId));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "job {0}: could not read it after a notice: {1}", jobId, e.toString());
            }
        });
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
        }
        reads.shutdownNow();
    }
}
