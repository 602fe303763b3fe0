package dev.contentservice.adapter.redis;

import dev.contentservice.adapter.redis.Redis.Script;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.InvalidRecommendationException;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.NewJob;
import dev.contentservice.domain.RecommendationMissingException;
import dev.contentservice.domain.RecommendationSource;
import dev.contentservice.domain.StoreUnavailableException;
import dev.contentservice.domain.StoredStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs in {@code job:{jobId}} hashes; submit and update are Lua scripts, so dedupe, creation and
 * enqueueing happen in one step and a terminal status is never overwritten. Each script that writes a
 * job also publishes its id on {@link Keys#JOB_CHANGES} in the same step. The scripts hold no status rule
 * of their own: they are handed the domain's ({@link JobStatus#allowedFrom}, {@link JobStatus#inFlight}).
 */
final class RedisJobRepository implements JobRepository {
    private static final Logger LOG = LoggerFactory.getLogger(RedisJobRepository.class);
    private static final Script SUBMIT = Script.load("submit");
    private static final Script UPDATE = Script.load("update");
    private static final Script STYLES = Script.load("styles");
    private static final Script WITHDRAW = Script.load("withdraw");

    /**
     * The statuses of a job in flight, as the scripts read them: one blocks a new submit of its draft
     * (submit.lua), and only one is put back in the queue when released (release.lua).
     */
    static final String IN_FLIGHT = statusList(JobStatus.inFlight());
    /** {@link #statusList} of {@link JobStatus#allowedFrom} for each next status, built once. */
    private static final Map<JobStatus, String> ALLOWED_FROM = allowedFromLists();
    /**
     * The most submits in one call: each costs Redis some 20-40 µs of script, so a full batch holds the
     * server for about a millisecond at most.
     */
    static final int SUBMIT_BATCH = 32;
    /** The most submit calls in flight at once: one being sent while another runs. */
    static final int SUBMIT_LANES = 2;

    private final Redis redis;
    /** The recommendations on the same Redis: a submit reading them reads them in its own script. */
    private final RecommendationSource ownRecommendations;
    /** Submits that arrive together go to Redis in one submit.lua call. */
    private final GroupCommit<Submit, List<?>> submits;

    RedisJobRepository(Redis redis, RecommendationSource ownRecommendations) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.ownRecommendations = Objects.requireNonNull(ownRecommendations, "ownRecommendations");
        this.submits = new GroupCommit<>(SUBMIT_BATCH, SUBMIT_LANES, this::submitAll);
    }

    @Override
    public Job submit(Job candidate) {
        Objects.requireNonNull(candidate, "candidate must not be null");
        if (candidate.status() != JobStatus.PENDING) {
            throw new IllegalArgumentException("candidate must be PENDING, was " + candidate.status());
        }
        List<?> reply = submitOne(new Submit(candidate.id(), candidate.eventDraftId(), false, JobHash.of(candidate)));
        if (((Long) reply.get(0)) == 1L) {
            return candidate;
        }
        return inFlight(reply);
    }

    /**
     * With this backend's own recommendations, one script reads the AI record, checks it as the 422 needs
     * (with Redis's {@code cjson}), and submits the job with the record as its snapshot: one round trip.
     * What the script refuses, the Java reader refuses too. A record cjson cannot read at all is read again
     * and judged in Java. The Java reader still reads the snapshot: a record the script let through and it
     * refuses (cjson is laxer on a few contrived ones, such as a hexadecimal number) is withdrawn again.
     */
    @Override
    public Job submit(NewJob job, RecommendationSource source) {
        Objects.requireNonNull(job, "job must not be null");
        if (source != ownRecommendations) {
            return JobRepository.super.submit(job, source);
        }
        List<?> reply = submitOne(new Submit(job.id(), job.eventDraftId(), true, JobHash.of(job)));
        long outcome = (Long) reply.get(0);
        if (outcome == -1L) {
            throw new RecommendationMissingException(job.eventDraftId());
        }
        if (outcome == -2L) {
            throw new InvalidRecommendationException(
                    "the AI recommendation of " + job.eventDraftId() + " " + reply.get(1));
        }
        if (outcome == -3L) {
            return JobRepository.super.submit(job, source); // cjson cannot read it: the Java reader judges it
        }
        if (outcome == 0L) {
            return inFlight(reply);
        }
        try {
            return job.with(RecommendationJson.read(job.eventDraftId(), (String) reply.get(2)));
        } catch (InvalidRecommendationException e) {
            redis.script(
                    WITHDRAW,
                    List.of(Keys.job(job.id()), Keys.inFlight(job.eventDraftId())),
                    List.of(job.id().toString()));
            LOG.warn("{}: withdrew job {}", e.getMessage(), job.id());
            throw e;
        }
    }

    /** One job for submit.lua: {@code readRecommendation} when the script reads and keeps its AI record. */
    record Submit(JobId id, EventDraftId draft, boolean readRecommendation, Map<String, String> fields) {}

    /**
     * Runs one submit.lua for the submits of a batch: its keys and arguments, then its replies, one per job.
     * A job Redis refused a command of (a key of the wrong type, for one) fails alone, as
     * {@link StoreUnavailableException}, as a script of its own would have.
     */
    List<List<?>> submitAll(List<Submit> batch) {
        List<String> keys = new ArrayList<>(1 + 3 * batch.size());
        List<String> args = new ArrayList<>(4 + batch.size() * 24);
        keys.add(Keys.QUEUE);
        args.add(Long.toString(Job.TTL.toMillis()));
        args.add(Keys.GROUP);
        args.add(Keys.JOB_CHANGES);
        args.add(IN_FLIGHT);
        for (Submit submit : batch) {
            keys.add(Keys.job(submit.id()));
            keys.add(Keys.inFlight(submit.draft()));
            keys.add(Keys.recommendation(submit.draft()));
            List<String> fields = JobHash.flatten(submit.fields());
            args.add(submit.id().toString());
            args.add(submit.readRecommendation() ? "1" : "0");
            args.add(Integer.toString(fields.size()));
            args.addAll(fields);
        }
        List<?> replies = (List<?>) redis.script(SUBMIT, keys, args);
        List<List<?>> each = new ArrayList<>(replies.size());
        for (Object reply : replies) {
            each.add((List<?>) reply);
        }
        return each;
    }

    /** One job's reply from the batch that carried it; {@code {-4, error}} fails this job alone. */
    private List<?> submitOne(Submit submit) {
        List<?> reply = submits.submit(submit);
        if (((Long) reply.get(0)) == -4L) {
            throw new StoreUnavailableException("redis refused a command of submit: " + reply.get(1), null);
        }
        return reply;
    }

    /**
     * The draft's job in flight from a submit's reply; one whose snapshot cannot be read was stored by a
     * submit that is withdrawing it right now, because the draft's recommendation is unusable.
     */
    private static Job inFlight(List<?> reply) {
        JobId other = JobId.parse((String) reply.get(1))
                .orElseThrow(() -> new IllegalStateException("in-flight mark holds no job id: " + reply.get(1)));
        Map<String, String> fields = new HashMap<>();
        for (int i = 2; i + 1 < reply.size(); i += 2) {
            fields.put((String) reply.get(i), (String) reply.get(i + 1));
        }
        try {
            return JobHash.read(other, fields, Optional.empty());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof InvalidRecommendationException invalid) {
                throw invalid;
            }
            throw e;
        }
    }

    @Override
    public Optional<Job> find(JobId id) {
        Objects.requireNonNull(id, "id must not be null");
        Map<String, String> fields = redis.read("find job", jedis -> jedis.hgetAll(Keys.job(id)));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> error = Optional.empty();
        if (JobStatus.FAILED.name().equals(fields.get(JobHash.STATUS))) {
            error = Optional.ofNullable(redis.read("find job error", jedis -> jedis.get(Keys.jobError(id))));
        }
        try {
            return Optional.of(JobHash.read(id, fields, error));
        } catch (IllegalStateException e) {
            LOG.warn("{}: answered as missing", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public boolean update(Job next) {
        Objects.requireNonNull(next, "next must not be null");
        List<String> args = new ArrayList<>();
        args.add(next.id().toString());
        args.add(next.status().name());
        args.add(next.failure().map(JobFailure::detail).orElse(""));
        args.add(Long.toString(Job.TTL.toMillis()));
        args.add(Keys.JOB_CHANGES);
        args.add(allowedFrom(next.status()));
        args.addAll(JobHash.flatten(JobHash.mutableFields(next)));
        Object written = redis.script(
                UPDATE,
                List.of(Keys.job(next.id()), Keys.jobError(next.id()), Keys.inFlight(next.eventDraftId())),
                args);
        return Long.valueOf(1L).equals(written);
    }

    /** One script for every job of the batch: one round trip however many jobs and styles. */
    @Override
    public void recordStyles(List<StoredStyle> records) {
        Objects.requireNonNull(records, "records must not be null");
        if (records.isEmpty()) {
            return;
        }
        Map<JobId, List<StoredStyle>> byJob = new LinkedHashMap<>();
        for (StoredStyle record : records) {
            byJob.computeIfAbsent(record.jobId(), id -> new ArrayList<>()).add(record);
        }
        List<String> keys = new ArrayList<>(byJob.size());
        List<String> args = new ArrayList<>(1 + records.size() * 6);
        args.add(Keys.JOB_CHANGES);
        byJob.forEach((id, styles) -> {
            keys.add(Keys.job(id));
            args.add(id.toString());
            args.add(styles.stream()
                    .map(StoredStyle::storedAt)
                    .max(Instant::compareTo)
                    .orElseThrow()
                    .toString());
            args.add(Integer.toString(styles.size()));
            for (StoredStyle style : styles) {
                args.add(style.style().key());
                args.add(style.url());
                args.add(style.generator());
            }
        });
        redis.script(STYLES, keys, args);
    }

    private static Map<JobStatus, String> allowedFromLists() {
        Map<JobStatus, String> lists = new EnumMap<>(JobStatus.class);
        for (JobStatus next : JobStatus.values()) {
            lists.put(next, statusList(JobStatus.allowedFrom(next)));
        }
        return lists;
    }

    /** The statuses a stored job may have for one in {@code next} to be written over it, as the scripts take them. */
    static String allowedFrom(JobStatus next) {
        return ALLOWED_FROM.get(next);
    }

    /** Statuses as the scripts read them: names separated by spaces ({@code ""} for none). */
    private static String statusList(Set<JobStatus> statuses) {
        return statuses.stream().map(JobStatus::name).sorted().collect(Collectors.joining(" "));
    }
}
