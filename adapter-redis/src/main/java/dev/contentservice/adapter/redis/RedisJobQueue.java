package dev.contentservice.adapter.redis;

import dev.contentservice.adapter.redis.Redis.Script;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The queue as a Redis stream read by one consumer group that every instance joins under a consumer
 * name of its own. A claim is a pending entry of this consumer; its lease is the entry's idle time, so
 * an entry idle longer than the lease (its worker died) is reclaimed with XAUTOCLAIM. The attempt count
 * lives on the job hash ({@code attempts}) because a release re-adds the entry and would reset the
 * stream's own delivery counter.
 */
final class RedisJobQueue implements JobQueue {
    private static final Script TAKE = Script.load("take");
    private static final Script ACCEPT = Script.load("accept");
    private static final Script RENEW = Script.load("renew");
    private static final Script COMPLETE = Script.load("complete");
    private static final Script RELEASE = Script.load("release");
    private static final Script ENSURE_GROUP = Script.load("ensure-group");
    private static final Script LEAVE = Script.load("leave");

    private final Redis redis;
    private final String consumer;
    private final Duration lease;

    RedisJobQueue(Redis redis, String consumer, Duration lease) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.lease = Objects.requireNonNull(lease, "lease");
    }

    String consumer() {
        return consumer;
    }

    @Override
    public Optional<Claim> claim(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout must not be null");
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("claim interrupted");
            }
            Optional<Claim> taken = withGroup(this::take);
            if (taken.isPresent()) {
                return taken;
            }
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return Optional.empty();
            }
            // a blocked read does not wake for an expired lease: wake at least once per lease to look
            long block = Math.min(remainingMillis, Math.min(lease.toMillis(), Redis.MAX_BLOCK.toMillis()));
            Optional<Claim> read = withGroup(() -> blockingRead(block));
            if (read.isPresent()) {
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

    private Optional<Claim> take() {
        Object reply =
                redis.script(TAKE, List.of(Keys.QUEUE), List.of(Keys.GROUP, consumer, Long.toString(lease.toMillis())));
        if (!(reply instanceof List<?> claimed) || claimed.size() < 3) {
            return Optional.empty();
        }
        return claimOf((String) claimed.get(0), (String) claimed.get(1), (Long) claimed.get(2));
    }

    private Optional<Claim> blockingRead(long blockMillis) {
        List<Map.Entry<String, List<StreamEntry>>> read = redis.call(
                "claim",
                jedis -> jedis.xreadGroup(
                        Keys.GROUP,
                        consumer,
                        XReadGroupParams.xReadGroupParams().count(1).block((int) Math.max(1, blockMillis)),
                        Map.of(Keys.QUEUE, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)));
        if (read == null || read.isEmpty() || read.get(0).getValue().isEmpty()) {
            return Optional.empty();
        }
        StreamEntry entry = read.get(0).getValue().get(0);
        String entryId = entry.getID().toString();
        String jobId = entry.getFields() == null ? "" : entry.getFields().getOrDefault("jobId", "");
        Object attempt = redis.script(ACCEPT, List.of(Keys.QUEUE), List.of(Keys.GROUP, entryId, jobId));
        return claimOf(entryId, jobId, (Long) attempt);
    }

    private static Optional<Claim> claimOf(String entryId, String jobId, long attempt) {
        Optional<JobId> id = JobId.parse(jobId);
        if (id.isEmpty() || attempt < 1) {
            return Optional.empty();
        }
        return Optional.of(new Claim(id.get(), (int) Math.min(Integer.MAX_VALUE, attempt), entryId));
    }

    /** Runs a queue read; when the stream or its group is missing (expired, or never made), makes them and retries. */
    private Optional<Claim> withGroup(java.util.function.Supplier<Optional<Claim>> read) {
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
    public void renew(Claim claim) {
        Objects.requireNonNull(claim, "claim must not be null");
        try {
            redis.script(RENEW, List.of(Keys.QUEUE), List.of(Keys.GROUP, consumer, claim.receipt()));
        } catch (StoreUnavailableException e) {
            if (!isNoGroup(e)) {
                throw e;
            }
            // the queue expired: nothing is left to renew
        }
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
                    List.of(Keys.GROUP, consumer, claim.receipt(), claim.jobId().toString()));
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
