package dev.contentservice.adapter.redis;

import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.RecommendationSource;
import dev.contentservice.domain.WebhookOutbox;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every storage port of the service on one Redis: jobs and their change notices, the queue, the AI recommendations, the image
 * sets and the hosted image bytes. Opening it connects nothing yet (connections are made on demand, so
 * the service starts while Redis is down and recovers by itself when it returns). Thread-safe; close it
 * once at shutdown.
 *
 * <p>Each backend joins the queue under a consumer name of its own, so several instances on one Redis
 * share the work.
 */
public final class RedisBackend implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisBackend.class);

    private final RedisSettings settings;
    private final Redis redis;
    private final RedisJobRepository jobs;
    private final RedisJobQueue queue;
    private final RedisRecommendationSource recommendations;
    private final RedisImageSetRepository imageSets;
    private final RedisImageStore imageStore;
    private final RedisJobChanges changes;
    private final RedisWebhookOutbox webhooks;

    private RedisBackend(RedisSettings settings, Redis redis, String consumer) {
        this.settings = settings;
        this.redis = redis;
        this.recommendations = new RedisRecommendationSource(redis);
        this.jobs = new RedisJobRepository(redis, recommendations);
        this.queue = new RedisJobQueue(redis, consumer, settings.lease(), Clock.systemUTC());
        this.imageSets = new RedisImageSetRepository(redis);
        this.imageStore = new RedisImageStore(redis);
        this.changes = new RedisJobChanges(settings);
        this.webhooks = new RedisWebhookOutbox(redis);
    }

    /** Opens a backend with a fresh, unique queue consumer name. */
    public static RedisBackend open(RedisSettings settings) {
        return open(settings, uniqueConsumerName());
    }

    /** Opens a backend whose queue consumer has the given name (unique per running instance). */
    public static RedisBackend open(RedisSettings settings, String consumerName) {
        Objects.requireNonNull(settings, "settings must not be null");
        if (consumerName == null || consumerName.isBlank()) {
            throw new IllegalArgumentException("consumerName must not be blank");
        }
        RedisBackend backend = new RedisBackend(settings, Redis.open(settings), consumerName);
        LOG.info("redis backend on {} as queue consumer {}", settings, consumerName);
        return backend;
    }

    public JobRepository jobRepository() {
        return jobs;
    }

    /**
     * Notices of job writes by any instance on this Redis (pub/sub). The first subscription opens one
     * dedicated connection with a thread of its own; {@link #close()} closes it.
     */
    public JobChanges jobChanges() {
        return changes;
    }

    /** The webhooks owed to clients, shared by every instance (another delivers what a dead one owed). */
    public WebhookOutbox webhookOutbox() {
        return webhooks;
    }

    public JobQueue jobQueue() {
        return queue;
    }

    public RecommendationSource recommendationSource() {
        return recommendations;
    }

    public ImageSetRepository imageSetRepository() {
        return imageSets;
    }

    public ImageStore imageStore() {
        return imageStore;
    }

    public RedisSettings settings() {
        return settings;
    }

    /** This instance's consumer name in the queue's consumer group. */
    public String consumerName() {
        return queue.consumer();
    }

    /** Whether Redis answers within the timeouts (for the readiness probe). Never throws. */
    public boolean ping() {
        return redis.ping();
    }

    /**
     * The server's {@code maxmemory-policy} (CONFIG GET), or empty when it cannot be read: managed Redis
     * services often refuse CONFIG. Never throws.
     */
    public Optional<String> maxmemoryPolicy() {
        try {
            Map<String, String> values =
                    redis.read("config get maxmemory-policy", jedis -> jedis.configGet("maxmemory-policy"));
            return Optional.ofNullable(values == null ? null : values.get("maxmemory-policy"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Leaves the queue's consumer group when this instance holds no claims (release them first) and
     * closes the connections.
     */
    @Override
    public void close() {
        changes.close();
        queue.leave();
        redis.close();
    }

    private static String uniqueConsumerName() {
        String runtime = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
        String safe = runtime.replaceAll("[^A-Za-z0-9@._-]", "_").toLowerCase(Locale.ROOT);
        return safe + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
