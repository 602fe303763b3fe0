package dev.contentservice.application;

import dev.contentservice.application.JobProcedure.Outcome;
import dev.contentservice.domain.ClaimedJob;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.JobQueue.Claim;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The queue side of the worker, without business rules: pollers that claim jobs in batches (one blocking
 * claim for up to {@link #CLAIM_BATCH} jobs, never more than the free slots), the leases of every held job
 * renewed in one call, a backoff while the queue does not answer, and the hand-over at shutdown. What is
 * done with a claimed job is the {@code procedure}'s business.
 */
final class QueueConsumer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(QueueConsumer.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** The most jobs one claim asks for. */
    static final int CLAIM_BATCH = 32;

    private final JobQueue queue;
    private final Function<ClaimedJob, CompletableFuture<Outcome>> procedure;
    private final WorkerSettings settings;
    private final ScheduledExecutorService renewer;

    private final Semaphore slots;
    private final Map<String, Claim> held = new ConcurrentHashMap<>();
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean closed;

    QueueConsumer(
            JobQueue queue,
            Function<ClaimedJob, CompletableFuture<Outcome>> procedure,
            WorkerSettings settings,
            ScheduledExecutorService renewer) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.procedure = Objects.requireNonNull(procedure, "procedure");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.renewer = Objects.requireNonNull(renewer, "renewer");
        this.slots = new Semaphore(settings.maxInFlightJobs());
    }

    synchronized void start() {
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

    int inFlight() {
        return held.size();
    }

    /**
     * Stops claiming, waits up to the shutdown grace for running jobs, then releases whatever is still
     * held so that another instance claims it at once (a release is not counted as an attempt).
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
                try {
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
    }

    private void pollLoop() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            int permits;
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            permits = 1;
            while (permits < CLAIM_BATCH && slots.tryAcquire()) {
                permits++;
            }
            List<ClaimedJob> claimed;
            try {
                claimed = queue.claim(permits, settings.claimTimeout());
                backoff = Duration.ofMillis(100);
            } catch (InterruptedException e) {
                slots.release(permits);
                return;
            } catch (RuntimeException e) {
                slots.release(permits);
                LOG.log(
                        Level.WARNING,
                        "queue unavailable, retrying in {0} ms: {1}",
                        backoff.toMillis(),
                        JobProcedure.describe(e));
                if (!sleep(backoff)) {
                    return;
                }
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                continue;
            }
            slots.release(permits - claimed.size());
            for (ClaimedJob job : claimed) {
                Claim claim = job.claim();
                if (!running) {
                    releaseQuietly(claim);
                    slots.release();
                    continue;
                }
                held.put(claim.receipt(), claim);
                CompletableFuture<Outcome> outcome;
                try {
                    outcome = procedure.apply(job);
                } catch (RuntimeException e) {
                    outcome = CompletableFuture.failedFuture(e);
                }
                outcome.whenComplete((result, error) -> done(claim, result, error));
            }
        }
    }

    private void done(Claim claim, Outcome outcome, Throwable error) {
        try {
            if (held.remove(claim.receipt()) == null) {
                return; // released at shutdown meanwhile
            }
            if (error != null || outcome == Outcome.RETRY_LATER) {
                LOG.log(
                        Level.WARNING,
                        "job {0}: left to be claimed again after its lease{1}",
                        claim.jobId(),
                        error == null ? "" : ": " + JobProcedure.describe(error));
            }
        } finally {
            slots.release();
        }
    }

    /** Renews every held lease in one call. */
    private void renewLeases() {
        if (held.isEmpty()) {
            return;
        }
        try {
            Set<Claim> lost = queue.renew(List.copyOf(held.values()));
            for (Claim claim : lost) {
                if (held.containsKey(claim.receipt())) {
                    LOG.log(
                            Level.WARNING,
                            "job {0}: lease lost (another worker may have taken it over)",
                            claim.jobId());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "leases not renewed: {0}", JobProcedure.describe(e));
        }
    }

    private void releaseQuietly(Claim claim) {
        try {
            queue.release(claim);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job {0}: could not release, its lease will expire", claim.jobId());
        }
    }

    private static boolean sleep(Duration duration) {
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
