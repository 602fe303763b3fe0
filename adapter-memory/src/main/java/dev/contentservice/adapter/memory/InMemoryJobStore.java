package dev.contentservice.adapter.memory;

import dev.contentservice.domain.ClaimedJob;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.StoredStyle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Jobs and their queue in this process's memory: the embedded default. One lock guards everything, so
 * every operation is atomic, exactly as the Redis scripts are. TTLs and leases follow the injected
 * {@link Clock}; an expired job is not found.
 *
 * <p>Every successful submit and update is noticed to the {@link JobChanges} subscribers, on the writing
 * thread, after the lock is released. {@link #finish} writes the image set to the {@link
 * ImageSetRepository} given at construction, under the same lock.
 */
public final class InMemoryJobStore implements JobRepository, JobQueue, JobChanges {
    private final Clock clock;
    private final Duration lease;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<JobId, Stored> jobs = new HashMap<>();
    private final Map<EventDraftId, JobId> inFlight = new HashMap<>();
    private final ArrayDeque<JobId> ready = new ArrayDeque<>();
    private final Map<String, Lease> leases = new LinkedHashMap<>();
    private final Map<JobId, Integer> attempts = new HashMap<>();
    private final Map<JobId, Map<ImageStyle, StoredStyle>> stored = new HashMap<>();
    private final ImageSetRepository imageSets;
    private final AtomicLong receipts = new AtomicLong();
    private long writes;
    private final JobChanges.Listeners listeners = new JobChanges.Listeners();

    private record Stored(Job job, Instant expiresAt) {}

    private record Lease(Claim claim, Instant expiresAt) {}

    /**
     * A store whose {@link #finish} writes image sets to a private {@link InMemoryImageSets} (for tests
     * that never read them).
     *
     * @param lease how long a claim is held without renewal before it is handed out again
     */
    public InMemoryJobStore(Clock clock, Duration lease) {
        this(clock, lease, new InMemoryImageSets(clock));
    }

    /**
     * @param lease how long a claim is held without renewal before it is handed out again
     * @param imageSets where {@link #finish} stores the image set of a completed job
     */
    public InMemoryJobStore(Clock clock, Duration lease, ImageSetRepository imageSets) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.imageSets = Objects.requireNonNull(imageSets, "imageSets");
        this.lease = Objects.requireNonNull(lease, "lease");
        if (lease.isZero() || lease.isNegative()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease);
        }
    }

    @Override
    public Job submit(Job candidate) {
        Job answer = store(candidate);
        if (answer == candidate) {
            notifyListeners(candidate.id());
        }
        return answer;
    }

    private Job store(Job candidate) {
        lock.lock();
        try {
            Instant now = clock.instant();
            JobId existingId = inFlight.get(candidate.eventDraftId());
            if (existingId != null) {
                Optional<Job> existing = live(existingId, now);
                if (existing.isPresent() && existing.get().status().isInFlight()) {
                    return existing.get();
                }
            }
            jobs.put(candidate.id(), new Stored(candidate, now.plus(Job.TTL)));
            inFlight.put(candidate.eventDraftId(), candidate.id());
            ready.addLast(candidate.id());
            sweepNowAndThen(now);
            changed.signalAll();
            return candidate;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Job> find(JobId id) {
        lock.lock();
        try {
            return live(id, clock.instant());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean update(Job next) {
        boolean written = write(next);
        if (written) {
            notifyListeners(next.id());
        }
        return written;
    }

    private boolean write(Job next) {
        lock.lock();
        try {
            Instant now = clock.instant();
            Optional<Job> stored = live(next.id(), now);
            if (stored.isEmpty() || !stored.get().status().mayBecome(next.status())) {
                return false;
            }
            // the options are written once, at submit, as in Redis
            Job written = next.withOptions(stored.get().options());
            jobs.put(next.id(), new Stored(written, jobs.get(next.id()).expiresAt()));
            if (next.status().isTerminal()) {
                inFlight.remove(next.eventDraftId(), next.id());
                this.stored.remove(next.id());
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Subscription subscribe(Consumer<JobId> listener) {
        return listeners.add(listener);
    }

    private void notifyListeners(JobId id) {
        listeners.deliver(id);
    }

    @Override
    public java.util.OptionalLong waiting() {
        lock.lock();
        try {
            return java.util.OptionalLong.of(ready.size());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<ClaimedJob> claim(int max, Duration timeout) throws InterruptedException {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, was " + max);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ClaimedJob> claimed = new ArrayList<>();
        lock.lockInterruptibly();
        try {
            while (true) {
                Instant now = clock.instant();
                while (claimed.size() < max) {
                    Optional<Claim> next = reclaimExpired(now).or(() -> takeReady(now));
                    if (next.isEmpty()) {
                        break;
                    }
                    start(next.get(), now).ifPresent(claimed::add);
                }
                if (!claimed.isEmpty()) {
                    break;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return List.of();
                }
                changed.awaitNanos(Math.min(remaining, nanosUntilNextLeaseExpiry(now)));
            }
        } finally {
            lock.unlock();
        }
        claimed.forEach(job -> notifyListeners(job.job().id()));
        return claimed;
    }

    /** Starts the job of a fresh claim; a job that is gone or finished is forgotten instead. */
    private Optional<ClaimedJob> start(Claim claim, Instant now) {
        Optional<Job> job = live(claim.jobId(), now);
        if (job.isEmpty() || job.get().status().isTerminal()) {
            leases.remove(claim.receipt());
            attempts.remove(claim.jobId());
            return Optional.empty();
        }
        Job started = job.get();
        if (started.status() == JobStatus.PENDING) {
            started = started.start(clock);
            jobs.put(started.id(), new Stored(started, jobs.get(started.id()).expiresAt()));
        }
        return Optional.of(new ClaimedJob(claim, started, stored.getOrDefault(claim.jobId(), Map.of())));
    }

    @Override
    public Set<Claim> renew(Collection<Claim> claims) {
        lock.lock();
        try {
            Set<Claim> lost = new HashSet<>();
            Instant until = clock.instant().plus(lease);
            for (Claim claim : claims) {
                Lease held = leases.get(claim.receipt());
                if (held != null && held.claim().equals(claim)) {
                    leases.put(claim.receipt(), new Lease(claim, until));
                } else {
                    lost.add(claim);
                }
            }
            return lost;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean finish(Claim claim, Job outcome, Optional<DraftImages> images) {
        Objects.requireNonNull(claim, "claim must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(images, "images must not be null");
        if (!outcome.status().isTerminal()) {
            throw new IllegalArgumentException("outcome must be COMPLETED or FAILED, was " + outcome.status());
        }
        boolean written;
        lock.lock();
        try {
            Optional<Job> current = live(outcome.id(), clock.instant());
            written = current.isPresent() && current.get().status().mayBecome(outcome.status());
            if (written) {
                images.ifPresent(set -> imageSets.save(outcome.eventDraftId(), set));
                write(outcome);
            }
            if (leases.remove(claim.receipt()) != null) {
                attempts.remove(claim.jobId());
            }
        } finally {
            lock.unlock();
        }
        if (written) {
            notifyListeners(outcome.id());
        }
        return written;
    }

    @Override
    public void recordStyles(List<StoredStyle> records) {
        Set<JobId> changedJobs = new HashSet<>();
        lock.lock();
        try {
            for (StoredStyle record : records) {
                Optional<Job> job = live(record.jobId(), clock.instant());
                if (job.isEmpty() || job.get().status() != JobStatus.PROCESSING) {
                    continue;
                }
                Job next = job.get().styleDone(record.style(), Clock.fixed(record.storedAt(), ZoneOffset.UTC));
                jobs.put(next.id(), new Stored(next, jobs.get(next.id()).expiresAt()));
                stored.computeIfAbsent(next.id(), id -> new EnumMap<>(ImageStyle.class))
                        .put(record.style(), record);
                changedJobs.add(next.id());
            }
        } finally {
            lock.unlock();
        }
        changedJobs.forEach(this::notifyListeners);
    }

    @Override
    public void complete(Claim claim) {
        lock.lock();
        try {
            if (leases.remove(claim.receipt()) != null) {
                attempts.remove(claim.jobId());
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release(Claim claim) {
        lock.lock();
        try {
            if (leases.remove(claim.receipt()) != null) {
                attempts.merge(claim.jobId(), -1, Integer::sum);
                ready.addFirst(claim.jobId());
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private Optional<Claim> reclaimExpired(Instant now) {
        Iterator<Lease> it = leases.values().iterator();
        while (it.hasNext()) {
            Lease held = it.next();
            if (!held.expiresAt().isAfter(now)) {
                it.remove();
                return Optional.of(deliver(held.claim().jobId(), now));
            }
        }
        return Optional.empty();
    }

    private Optional<Claim> takeReady(Instant now) {
        JobId next = ready.pollFirst();
        return next == null ? Optional.empty() : Optional.of(deliver(next, now));
    }

    private Claim deliver(JobId id, Instant now) {
        int attempt = attempts.merge(id, 1, Integer::sum);
        Claim claim = new Claim(id, attempt, Long.toString(receipts.incrementAndGet()));
        leases.put(claim.receipt(), new Lease(claim, now.plus(lease)));
        return claim;
    }

    private long nanosUntilNextLeaseExpiry(Instant now) {
        long nearest = Long.MAX_VALUE;
        for (Lease held : leases.values()) {
            nearest = Math.min(
                    nearest, Math.max(1, Duration.between(now, held.expiresAt()).toNanos()));
        }
        // the clock may be a test clock that moves without us: look again at least every 50 ms
        return Math.min(nearest, TimeUnit.MILLISECONDS.toNanos(50));
    }

    private Optional<Job> live(JobId id, Instant now) {
        Stored stored = jobs.get(id);
        if (stored == null) {
            return Optional.empty();
        }
        if (!stored.expiresAt().isAfter(now)) {
            jobs.remove(id);
            inFlight.remove(stored.job().eventDraftId(), id);
            this.stored.remove(id);
            return Optional.empty();
        }
        return Optional.of(stored.job());
    }

    /** Drops expired jobs now and then, so that a long-running embedded service does not grow forever. */
    private void sweepNowAndThen(Instant now) {
        if (++writes % 256 != 0) {
            return;
        }
        jobs.entrySet().removeIf(entry -> {
            boolean expired = !entry.getValue().expiresAt().isAfter(now);
            if (expired) {
                inFlight.remove(entry.getValue().job().eventDraftId(), entry.getKey());
                stored.remove(entry.getKey());
            }
            return expired;
        });
    }
}
