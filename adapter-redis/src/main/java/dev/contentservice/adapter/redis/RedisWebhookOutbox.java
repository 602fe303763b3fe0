package dev.contentservice.adapter.redis;

import dev.contentservice.adapter.redis.Redis.Script;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.WebhookDelivery;
import dev.contentservice.domain.WebhookOutbox;
import dev.contentservice.domain.WebhookTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhooks owed, in Redis: the sorted set {@code content:webhooks} of job ids scored by the epoch
 * millisecond their next step is due, and a hash {@code content:webhook:{jobId}} per delivery that expires
 * with it. A claim moves the score to the end of its lease and writes a token into the hash, both in one
 * script, so when the instance holding it dies the delivery is due again for any other after the lease.
 */
final class RedisWebhookOutbox implements WebhookOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(RedisWebhookOutbox.class);
    private static final Script ADD = Script.load("webhook-add");
    private static final Script CLAIM = Script.load("webhook-claim");
    private static final Script RESCHEDULE = Script.load("webhook-reschedule");
    private static final Script REMOVE = Script.load("webhook-remove");
    private static final Script WAKE = Script.load("webhook-wake");

    static final String URL = "url";
    static final String PAYLOAD = "payload";
    static final String ATTEMPTS = "attempts";
    static final String FIRST_ATTEMPT_AT = "firstAttemptAt";
    static final String DUE_AT = "dueAt";
    static final String EXPIRES_AT = "expiresAt";

    private final Redis redis;

    RedisWebhookOutbox(Redis redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public void add(WebhookDelivery delivery) {
        Objects.requireNonNull(delivery, "delivery must not be null");
        List<String> args = new ArrayList<>();
        args.add(delivery.jobId().toString());
        args.add(Long.toString(delivery.dueAt().toEpochMilli()));
        args.add(Long.toString(delivery.expiresAt().toEpochMilli()));
        args.addAll(JobHash.flatten(fields(delivery)));
        redis.script(ADD, List.of(Keys.webhook(delivery.jobId()), Keys.WEBHOOKS), args);
    }

    @Override
    public Optional<WebhookDelivery> find(JobId jobId) {
        Objects.requireNonNull(jobId, "jobId must not be null");
        Map<String, String> fields = redis.read("find webhook", jedis -> jedis.hgetAll(Keys.webhook(jobId)));
        return fields.isEmpty() ? Optional.empty() : read(jobId, fields);
    }

    @Override
    public List<Claim> claim(Instant now, Duration lease, int max) {
        Objects.requireNonNull(now, "now must not be null");
        Objects.requireNonNull(lease, "lease must not be null");
        if (max < 1) {
            return List.of();
        }
        List<?> reply = (List<?>) redis.script(
                CLAIM,
                List.of(Keys.WEBHOOKS),
                List.of(
                        Long.toString(now.toEpochMilli()),
                        Long.toString(now.plus(lease).toEpochMilli()),
                        Integer.toString(max),
                        UUID.randomUUID().toString()));
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i + 2 < reply.size(); i += 3) {
            String rawId = (String) reply.get(i);
            Map<String, String> fields = new HashMap<>();
            List<?> flat = (List<?>) reply.get(i + 1);
            for (int f = 0; f + 1 < flat.size(); f += 2) {
                fields.put((String) flat.get(f), (String) flat.get(f + 1));
            }
            String token = (String) reply.get(i + 2);
            Optional<JobId> id = JobId.parse(rawId);
            Optional<WebhookDelivery> delivery = id.flatMap(jobId -> read(jobId, fields));
            if (delivery.isPresent()) {
                claims.add(new Claim(delivery.get(), token));
            } else {
                LOG.warn("content:webhook:{} is not a delivery this service wrote: dropped", rawId);
                redis.script(REMOVE, List.of("content:webhook:" + rawId, Keys.WEBHOOKS), List.of(rawId, ""));
            }
        }
        return claims;
    }

    @Override
    public boolean reschedule(Claim claim, WebhookDelivery next) {
        Objects.requireNonNull(claim, "claim must not be null");
        Objects.requireNonNull(next, "next must not be null");
        List<String> args = new ArrayList<>();
        args.add(next.jobId().toString());
        args.add(claim.token());
        args.add(Long.toString(next.dueAt().toEpochMilli()));
        args.add(Long.toString(next.expiresAt().toEpochMilli()));
        args.addAll(JobHash.flatten(fields(next)));
        Object written = redis.script(RESCHEDULE, List.of(Keys.webhook(next.jobId()), Keys.WEBHOOKS), args);
        return Long.valueOf(1L).equals(written);
    }

    @Override
    public boolean remove(Claim claim) {
        Objects.requireNonNull(claim, "claim must not be null");
        JobId id = claim.delivery().jobId();
        Object removed =
                redis.script(REMOVE, List.of(Keys.webhook(id), Keys.WEBHOOKS), List.of(id.toString(), claim.token()));
        return Long.valueOf(1L).equals(removed);
    }

    @Override
    public void forget(JobId jobId) {
        Objects.requireNonNull(jobId, "jobId must not be null");
        redis.script(REMOVE, List.of(Keys.webhook(jobId), Keys.WEBHOOKS), List.of(jobId.toString(), ""));
    }

    @Override
    public void wake(JobId jobId, Instant now) {
        Objects.requireNonNull(jobId, "jobId must not be null");
        redis.script(
                WAKE,
                List.of(Keys.webhook(jobId), Keys.WEBHOOKS),
                List.of(jobId.toString(), Long.toString(now.toEpochMilli())));
    }

    private static Map<String, String> fields(WebhookDelivery delivery) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(URL, delivery.target().toString());
        delivery.payload().ifPresent(payload -> fields.put(PAYLOAD, payload));
        fields.put(ATTEMPTS, Integer.toString(delivery.attempts()));
        delivery.firstAttemptAt().ifPresent(at -> fields.put(FIRST_ATTEMPT_AT, at.toString()));
        fields.put(DUE_AT, delivery.dueAt().toString());
        fields.put(EXPIRES_AT, delivery.expiresAt().toString());
        return fields;
    }

    private static Optional<WebhookDelivery> read(JobId jobId, Map<String, String> fields) {
        try {
            WebhookTarget target = WebhookTarget.parse(fields.get(URL)).orElseThrow();
            return Optional.of(new WebhookDelivery(
                    jobId,
                    target,
                    Optional.ofNullable(fields.get(PAYLOAD)),
                    Integer.parseInt(fields.getOrDefault(ATTEMPTS, "0")),
                    Optional.ofNullable(fields.get(FIRST_ATTEMPT_AT)).map(Instant::parse),
                    Instant.parse(fields.get(DUE_AT)),
                    Instant.parse(fields.get(EXPIRES_AT))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
