package dev.contentservice.adapter.memory;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.JobRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * thread, after the lock is released.
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
    private final AtomicLong receipts = new AtomicLong();
    private long writes;
    private final JobChanges.Listeners listeners = new JobChanges.Listeners();

    private record Stored(Job job, Instant expiresAt) {}

    private record Lease(Claim claim, Instant expiresAt) {}

    /** @param lease how long a claim is held without renewal before it is handed out again */
    public InMemoryJobStore(Clock clock, Duration lease) {
        this.clock = Objects.requireNonNull(clock, "clock");
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
    public Optional<Claim> claim(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (true) {
                Instant now = clock.instant();
                Optional<Claim> claimed = reclaimExpired(now).or(() -> takeReady(now));
                if (claimed.isPresent()) {
                    return claimed;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return Optional.empty();
                }
                changed.awaitNanos(Math.min(remaining, nanosUntilNextLeaseExpiry(now)));
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void renew(Claim claim) {
        lock.lock();
        try {
            if (leases.containsKey(claim.receipt())) {
                leases.put(claim.receipt(), new Lease(claim, clock.instant().plus(lease)));
            }
        } finally {
            lock.unlock();
        }
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
            }
            return expired;
        });
    }
}
