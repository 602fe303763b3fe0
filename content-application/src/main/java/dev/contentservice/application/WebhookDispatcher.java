package dev.contentservice.application;

import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobNotFoundException;
import dev.contentservice.domain.JobOptions;
import dev.contentservice.domain.WebhookDelivery;
import dev.contentservice.domain.WebhookOutbox;
import dev.contentservice.domain.WebhookOutbox.Claim;
import dev.contentservice.domain.WebhookSender;
import dev.contentservice.domain.WebhookSigner;
import dev.contentservice.domain.WebhooksDisabledException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the webhooks jobs owe, from the {@link WebhookOutbox}, signed as Standard Webhooks says.
 *
 * <ul>
 *   <li>A job with a webhook owes its delivery from the moment it is requested (the outbox entry is
 *       written before the job), due for a first look after {@link WebhookSettings#recheckEvery()}.
 *   <li>When the job ends, the instance that accepted it learns of it through {@link JobChanges} (or the
 *       cancel use case tells it) and makes the delivery due at once; whichever instance claims it next
 *       fixes the payload from the job's status and sends it. If that instance is gone, the periodic
 *       look finds the job ended.
 *   <li>A non-2xx answer or no answer is retried with exponential backoff and jitter, always with the
 *       same {@code webhook-id}, for at least {@link WebhookSettings#retryWindow()} and at most {@link
 *       WebhookSettings#maxAttempts()} attempts.
 *   <li>A claimed delivery is held for a lease: an instance that dies while it holds one leaves it to
 *       another after the lease.
 *   <li>Sending is asynchronous: a slow receiver holds no thread, and at most {@link
 *       WebhookSettings#maxInFlight()} attempts are in flight per instance.
 * </ul>
 */
public final class WebhookDispatcher implements JobWebhooks, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());
    /** How long after its job's record a delivery is forgotten whatever its state. */
    private static final Duration KEEP_AFTER_WINDOW = Duration.ofHours(1);

    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final ReadJobStatus statuses;
    private final JobChanges changes;
    private final WebhookPayloads payloads;
    private final Clock clock;
    private final WebhookSettings settings;

    private final Set<JobId> owedHere = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private final ScheduledExecutorService ticker;
    private final ExecutorService io;
    private volatile JobChanges.Subscription subscription;
    private volatile boolean closed;

    public WebhookDispatcher(
            WebhookOutbox outbox,
            WebhookSender sender,
            ReadJobStatus statuses,
            JobChanges changes,
            WebhookPayloads payloads,
            Clock clock,
            WebhookSettings settings) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.payloads = Objects.requireNonNull(payloads, "payloads");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("content-webhooks"));
        this.io = Executors.newFixedThreadPool(2, daemonThreads("content-webhooks-io"));
    }

    /** Starts looking at the outbox and listening for jobs that end. Idempotent. */
    public synchronized void start() {
        if (subscription != null || closed) {
            return;
        }
        subscription = changes.subscribe(this::noticed);
        long every = settings.pollEvery().toMillis();
        ticker.scheduleWithFixedDelay(this::tickQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void check(JobOptions options) {
        options.webhook().ifPresent(target -> {
            if (settings.signer().isEmpty()) {
                throw new WebhooksDisabledException();
            }
            settings.addresses().check(target);
        });
    }

    @Override
    public void owe(Job job) {
        WebhookDelivery delivery = WebhookDelivery.owed(
                job.id(),
                job.options().webhook().orElseThrow(() -> new IllegalArgumentException("job has no webhook")),
                clock.instant().plus(settings.recheckEvery()),
                job.expiresAt().plus(settings.retryWindow()).plus(KEEP_AFTER_WINDOW));
        outbox.add(delivery);
        owedHere.add(job.id());
    }

    @Override
    public void notOwed(JobId jobId) {
        owedHere.remove(jobId);
        outbox.forget(jobId);
    }

    @Override
    public void jobEnded(JobId jobId) {
        outbox.wake(jobId, clock.instant());
        wakeUp();
    }

    /** Attempts in flight on this instance right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** On the notice thread: must not block. Only jobs this instance accepted are looked at. */
    private void noticed(JobId jobId) {
        if (!owedHere.contains(jobId) || closed) {
            return;
        }
        io.execute(() -> {
            try {
                if (statuses.read(jobId) instanceof JobStatusView.InProgress) {
                    return;
                }
                owedHere.remove(jobId);
                jobEnded(jobId);
            } catch (JobNotFoundException e) {
                owedHere.remove(jobId);
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "webhook of job {0}: left to the periodic look: {1}", jobId, e.toString());
            }
        });
    }

    private void wakeUp() {
        if (!closed && tickQueued.compareAndSet(false, true)) {
            try {
                ticker.execute(this::tickQuietly);
            } catch (RuntimeException rejected) {
                tickQueued.set(false);
            }
        }
    }

    private void tickQuietly() {
        tickQueued.set(false);
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "webhook outbox unavailable, trying again: {0}", e.toString());
        }
    }

    private void tick() {
        if (closed) {
            return;
        }
        int free = settings.maxInFlight() - inFlight.get();
        if (free <= 0) {
            return;
        }
        for (Claim claim : outbox.claim(clock.instant(), settings.lease(), free)) {
            inFlight.incrementAndGet();
            try {
                io.execute(() -> step(claim));
            } catch (RuntimeException rejected) {
                inFlight.decrementAndGet(); // closing: the lease hands it to another instance
            }
        }
    }

    /** On the io executor: fixes the payload if the job just ended, then sends one attempt. */
    private void step(Claim claim) {
        boolean sending = false;
        try {
            WebhookDelivery delivery = claim.delivery();
            if (delivery.payload().isEmpty()) {
                JobStatusView view;
                try {
                    view = statuses.read(delivery.jobId());
                } catch (JobNotFoundException e) {
                    LOG.log(Level.WARNING, "webhook of job {0}: the job is gone, nothing to deliver", delivery.jobId());
                    outbox.remove(claim);
                    return;
                }
                if (view instanceof JobStatusView.InProgress) {
                    outbox.reschedule(claim, delivery.dueAt(clock.instant().plus(settings.recheckEvery())));
                    return;
                }
                delivery = delivery.withPayload(payloads.payload(view));
            }
            sending = true;
            send(claim, delivery);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "webhook of job {0}: left to its lease: {1}",
                    claim.delivery().jobId(),
                    e.toString());
        } finally {
            if (!sending) {
                inFlight.decrementAndGet();
            }
        }
    }

    private void send(Claim claim, WebhookDelivery delivery) {
        WebhookSigner signer = settings.signer().orElseThrow(WebhooksDisabledException::new);
        String body = delivery.payload().orElseThrow();
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", delivery.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signer.sign(delivery.id(), timestamp, body));
        WebhookDelivery attempted = delivery;
        sender.send(new WebhookSender.Request(delivery.target(), headers, body))
                .whenCompleteAsync((status, error) -> answered(claim, attempted, status, error), io);
    }

    private void answered(Claim claim, WebhookDelivery delivery, Integer status, Throwable error) {
        try {
            Instant now = clock.instant();
            if (error == null && status != null && status >= 200 && status < 300) {
                outbox.remove(claim);
                LOG.log(
                        Level.INFO,
                        "webhook of job {0}: delivered ({1}) after {2} attempt(s)",
                        delivery.jobId(),
                        status,
                        delivery.attempts() + 1);
                return;
            }
            String why = error != null ? describe(error) : "answered " + status;
            WebhookDelivery failed = delivery.attemptFailed(now, now);
            Duration since = Duration.between(failed.firstAttemptAt().orElse(now), now);
            if (failed.attempts() >= settings.maxAttempts() || since.compareTo(settings.retryWindow()) >= 0) {
                outbox.remove(claim);
                LOG.log(
                        Level.WARNING,
                        "webhook of job {0}: given up after {1} attempts over {2} min: {3}",
                        delivery.jobId(),
                        failed.attempts(),
                        since.toMinutes(),
                        why);
                return;
            }
            Instant next = now.plus(settings.backoff(failed.attempts()));
            if (outbox.reschedule(claim, failed.dueAt(next))) {
                LOG.log(
                        Level.INFO,
                        "webhook of job {0}: attempt {1} failed ({2}), next at {3}",
                        delivery.jobId(),
                        failed.attempts(),
                        why,
                        next);
            } else {
                LOG.log(Level.WARNING, "webhook of job {0}: its claim was lost to another instance", delivery.jobId());
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "webhook of job {0}: outcome not recorded, left to its lease: {1}",
                    delivery.jobId(),
                    e.toString());
        } finally {
            inFlight.decrementAndGet();
            if (inFlight.get() < settings.maxInFlight()) {
                wakeUp();
            }
        }
    }

    /** Stops sending; deliveries held are left to their lease, so another instance (or a restart) makes them. */
    @Override
    public void close() {
        closed = true;
        JobChanges.Subscription current = subscription;
        if (current != null) {
            current.close();
        }
        ticker.shutdownNow();
        io.shutdown();
        try {
            io.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        io.shutdownNow();
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && (cause instanceof java.util.concurrent.CompletionException)) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
