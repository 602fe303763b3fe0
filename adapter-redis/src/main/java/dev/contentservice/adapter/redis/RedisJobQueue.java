package dev.contentservice.adapter.redis;

import dev.contentservice.adapter.redis.Redis.Script;
import dev.contentservice.domain.ClaimedJob;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The queue as a Redis stream read by one consumer group that every instance joins under a consumer
 * name of its own. A claim is a pending entry of this consumer; its lease is the entry's idle time, so
 * an entry idle longer than the lease (its worker died) is reclaimed with XAUTOCLAIM. The attempt count
 * lives on the job hash ({@code attempts}) because a release re-adds the entry and would reset the
 * stream's own delivery counter.
 *
 * <p>Round trips: a claim is a blocking {@code XREADGROUP COUNT N} followed by one script for what it
 * read (it counts the attempts, marks the jobs PROCESSING and returns their hashes); about once a second
 * (twice per lease when that is shorter) the same script also looks for entries whose lease expired. The
 * leases of every held job are renewed by one script; {@link #finish} is one script.
 */
final class RedisJobQueue implements JobQueue {
    private static final Logger LOG = LoggerFactory.getLogger(RedisJobQueue.class);
    private static final Script CLAIM = Script.load("claim");
    private static final Script FINISH = Script.load("finish");
    private static final Script RENEW = Script.load("renew");
    /** The statuses a claimed job may have to be worked on (and become PROCESSING), as claim.lua reads them. */
    private static final String STARTABLE = RedisJobRepository.allowedFrom(JobStatus.PROCESSING);

    private static final Script COMPLETE = Script.load("complete");
    private static final Script RELEASE = Script.load("release");
    private static final Script ENSURE_GROUP = Script.load("ensure-group");
    private static final Script LEAVE = Script.load("leave");

    private final Redis redis;
    private final String consumer;
    private final Duration lease;
    private final Clock clock;
    /** When this instance last looked for expired leases (System.nanoTime), shared by its pollers. */
    private final AtomicLong lastReclaim =
            new AtomicLong(System.nanoTime() - Duration.ofDays(1).toNanos());

    RedisJobQueue(Redis redis, String consumer, Duration lease, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    String consumer() {
        return consumer;
    }

    @Override
    public List<ClaimedJob> claim(int max, Duration timeout) throws InterruptedException {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, was " + max);
        }
        Objects.requireNonNull(timeout, "timeout must not be null");
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        long reclaimEvery = reclaimEvery().toNanos();
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("claim interrupted");
            }
            long now = System.nanoTime();
            long last = lastReclaim.get();
            // a blocking read does not see expired leases: look for them now and then, not before every read
            if (now - last >= reclaimEvery && lastReclaim.compareAndSet(last, now)) {
                List<ClaimedJob> taken = withGroup(() -> take(max, List.of()));
                if (!taken.isEmpty()) {
                    return taken;
                }
            }
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return List.of();
            }
            long untilReclaim = Math.max(1, (lastReclaim.get() + reclaimEvery - System.nanoTime()) / 1_000_000);
            long block = Math.min(Math.min(remainingMillis, untilReclaim), Redis.MAX_BLOCK.toMillis());
            List<ClaimedJob> read = withGroup(() -> blockingRead(max, block));
            if (!read.isEmpty()) {
                return read;
            }
        }
    }

    /** Stream entries minus those pending with a consumer (claimed); one read, no script of its own. */
    private static final String WAITING = "local n = redis.call('XLEN', KEYS[1]) if n == 0 then return 0 end "
            + "local ok, p = pcall(redis.call, 'XPENDING', KEYS[1], ARGV[1]) "
            + "if ok and type(p) == 'table' then return n - p[1] end return n";

    @Override
    public java.util.OptionalLong waiting() {
        Object reply =
                redis.call("queue depth", jedis -> jedis.eval(WAITING, List.of(Keys.QUEUE), List.of(Keys.GROUP)));
        return java.util.OptionalLong.of(reply instanceof Long n ? Math.max(0, n) : 0);
    }

    /**
     * How often a claim looks for entries whose lease expired: four times per lease, at most every {@link
     * Redis#MAX_BLOCK} (5 s). An entry is taken over within a quarter of a lease (at most 5 s) after its
     * lease ran out; with the 60 s lease an idle instance sends one look every 5 s instead of every second.
     */
    private Duration reclaimEvery() {
        Duration quarter = lease.dividedBy(4);
        return quarter.compareTo(Redis.MAX_BLOCK) < 0 ? quarter : Redis.MAX_BLOCK;
    }

    /** The claim script: takes up to {@code max} entries itself, or accepts the given (entry id, jobId) pairs. */
    private List<ClaimedJob> take(int max, List<String> entries) {
        List<String> args = new ArrayList<>(7 + entries.size());
        args.add(Keys.GROUP);
        args.add(consumer);
        args.add(Long.toString(lease.toMillis()));
        args.add(Integer.toString(max));
        args.add(IsoInstant.format(clock.instant()));
        args.add(Keys.JOB_CHANGES);
        args.add(STARTABLE);
        args.addAll(entries);
        Object reply = redis.script(CLAIM, List.of(Keys.QUEUE), args);
        if (!(reply instanceof List<?> claimed)) {
            return List.of();
        }
        List<ClaimedJob> jobs = new ArrayList<>(claimed.size());
        for (Object one : claimed) {
            claimedJob((List<?>) one).ifPresent(jobs::add);
        }
        return jobs;
    }

    private List<ClaimedJob> blockingRead(int max, long blockMillis) {
        List<Map.Entry<String, List<StreamEntry>>> read = redis.call(
                "claim",
                jedis -> jedis.xreadGroup(
                        Keys.GROUP,
                        consumer,
                        XReadGroupParams.xReadGroupParams().count(max).block((int) Math.max(1, blockMillis)),
                        Map.of(Keys.QUEUE, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)));
        if (read == null || read.isEmpty() || read.get(0).getValue().isEmpty()) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (StreamEntry entry : read.get(0).getValue()) {
            entries.add(entry.getID().toString());
            entries.add(entry.getFields() == null ? "" : entry.getFields().getOrDefault("jobId", ""));
        }
        return take(max, entries);
    }

    /** One claimed job from the script's reply: entry id, jobId, attempt, then the job hash. */
    private static Optional<ClaimedJob> claimedJob(List<?> reply) {
        if (reply.size() < 3) {
            return Optional.empty();
        }
        String entryId = (String) reply.get(0);
        Optional<JobId> id = JobId.parse((String) reply.get(1));
        long attempt = (Long) reply.get(2);
        if (id.isEmpty() || attempt < 1) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 3; i + 1 < reply.size(); i += 2) {
            fields.put((String) reply.get(i), (String) reply.get(i + 1));
        }
        Claim claim = new Claim(id.get(), (int) Math.min(Integer.MAX_VALUE, attempt), entryId);
        try {
            Job job = JobHash.read(id.get(), fields, Optional.empty());
            return Optional.of(new ClaimedJob(claim, job, JobHash.storedStyles(job, fields)));
        } catch (IllegalStateException e) {
            LOG.warn("{}: claimed, but left to its lease", e.getMessage());
            return Optional.empty();
        }
    }

    /** Runs a queue read; when the stream or its group is missing (expired, or never made), makes them and retries. */
    private List<ClaimedJob> withGroup(Supplier<List<ClaimedJob>> read) {
        try {
            return read.get();
        } catch (StoreUnavailableException e) {
            if (!isNoGroup(e)) {
                throw e;
            }
            redis.script(ENSURE_GROUP, List.of(Keys.QUEUE), List.of(Keys.GROUP, Long.toString(Job.TTL.toMillis())));
            return read.get();
        }
    }

    private static boolean isNoGroup(StoreUnavailableException e) {
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null && cause.getMessage().contains("NOGROUP");
    }

    @Override
    public Set<Claim> renew(Collection<Claim> claims) {
        Objects.requireNonNull(claims, "claims must not be null");
        if (claims.isEmpty()) {
            return Set.of();
        }
        Map<String, Claim> byReceipt = new HashMap<>();
        List<String> args = new ArrayList<>(claims.size() + 2);
        args.add(Keys.GROUP);
        args.add(consumer);
        for (Claim claim : claims) {
            byReceipt.put(claim.receipt(), claim);
            args.add(claim.receipt());
        }
        Object reply;
        try {
            reply = redis.script(RENEW, List.of(Keys.QUEUE), args);
        } catch (StoreUnavailableException e) {
            if (!isNoGroup(e)) {
                throw e;
            }
            return new HashSet<>(claims); // the queue expired: nothing is held any more
        }
        Set<Claim> lost = new HashSet<>();
        if (reply instanceof List<?> ids) {
            for (Object receipt : ids) {
                Claim claim = byReceipt.get((String) receipt);
                if (claim != null) {
                    lost.add(claim);
                }
            }
        }
        return lost;
    }

    @Override
    public boolean finish(Claim claim, Job outcome, Optional<DraftImages> images) {
        Objects.requireNonNull(claim, "claim must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(images, "images must not be null");
        if (!outcome.status().isTerminal()) {
            throw new IllegalArgumentException("outcome must be COMPLETED or FAILED, was " + outcome.status());
        }
        List<String> imageFields = images.map(RedisImageSetRepository::fields).orElse(List.of());
        List<String> jobFields = JobHash.flatten(JobHash.mutableFields(outcome));
        List<String> args = new ArrayList<>(10 + imageFields.size() + jobFields.size());
        args.add(outcome.id().toString());
        args.add(outcome.status().name());
        args.add(outcome.failure().map(JobFailure::detail).orElse(""));
        args.add(Long.toString(Job.TTL.toMillis()));
        args.add(Keys.JOB_CHANGES);
        args.add(Keys.GROUP);
        args.add(claim.receipt());
        args.add(Long.toString(ImageSet.TTL.toMillis()));
        args.add(RedisJobRepository.allowedFrom(outcome.status()));
        args.add(Integer.toString(imageFields.size()));
        args.addAll(imageFields);
        args.addAll(jobFields);
        Object written = redis.script(
                FINISH,
                List.of(
                        Keys.job(outcome.id()),
                        Keys.jobError(outcome.id()),
                        Keys.inFlight(outcome.eventDraftId()),
                        Keys.QUEUE,
                        Keys.imageSet(outcome.eventDraftId())),
                args);
        return Long.valueOf(1L).equals(written);
    }

    @Override
    public void complete(Claim claim) {
        Objects.requireNonNull(claim, "claim must not be null");
        redis.script(COMPLETE, List.of(Keys.QUEUE), List.of(Keys.GROUP, claim.receipt()));
    }

    @Override
    public void release(Claim claim) {
        Objects.requireNonNull(claim, "claim must not be null");
        try {
            redis.script(
                    RELEASE,
                    List.of(Keys.QUEUE, Keys.job(claim.jobId())),
                    List.of(
                            Keys.GROUP,
                            consumer,
                            claim.receipt(),
                            claim.jobId().toString(),
                            RedisJobRepository.IN_FLIGHT));
        } catch (StoreUnavailableException e) {
            if (!isNoGroup(e)) {
                throw e;
            }
        }
    }

    /** Leaves the consumer group if this instance holds nothing; quiet, for shutdown. */
    void leave() {
        try {
            redis.script(LEAVE, List.of(Keys.QUEUE), List.of(Keys.GROUP, consumer));
        } catch (RuntimeException ignored) {
            // the consumer stays listed until the queue expires; harmless
        }
    }
}
