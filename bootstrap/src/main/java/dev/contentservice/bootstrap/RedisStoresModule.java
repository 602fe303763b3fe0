package dev.contentservice.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import dev.contentservice.adapter.redis.RedisBackend;
import dev.contentservice.adapter.redis.RedisSettings;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.RecommendationSource;
import dev.contentservice.domain.WebhookOutbox;
import java.util.function.BooleanSupplier;

/** CONTENT_REDIS_URL set: every store and the queue live in Redis, shared by every instance. */
final class RedisStoresModule extends AbstractModule {
    private final ContentConfig config;

    RedisStoresModule(ContentConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        // every store and the queue live in the one Redis: each is named, each asks it
        MapBinder<String, BooleanSupplier> probes =
                MapBinder.newMapBinder(binder(), String.class, BooleanSupplier.class);
        for (String component : Readiness.COMPONENTS) {
            probes.addBinding(component).to(RedisProbe.class);
        }
    }

    @Provides
    @Singleton
    RedisBackend backend() {
        RedisSettings settings =
                RedisSettings.of(config.redisUrl().orElseThrow()).withLease(config.lease());
        RedisBackend backend = RedisBackend.open(settings);
        RedisMemoryPolicy.check(backend.maxmemoryPolicy(), config.imageStorage());
        return backend;
    }

    @Provides
    @Singleton
    JobRepository jobRepository(RedisBackend redis) {
        return redis.jobRepository();
    }

    @Provides
    @Singleton
    JobChanges jobChanges(RedisBackend redis) {
        return redis.jobChanges();
    }

    @Provides
    @Singleton
    JobQueue jobQueue(RedisBackend redis) {
        return redis.jobQueue();
    }

    @Provides
    @Singleton
    RecommendationSource recommendationSource(RedisBackend redis) {
        return redis.recommendationSource();
    }

    @Provides
    @Singleton
    ImageSetRepository imageSets(RedisBackend redis) {
        return redis.imageSetRepository();
    }

    @Provides
    @Singleton
    WebhookOutbox webhookOutbox(RedisBackend redis) {
        return redis.webhookOutbox();
    }

    @Provides
    @Singleton
    PreviousImages previousImages(RedisBackend redis) {
        // the image store itself: ImageStoreModules; images hosted in Redis before a switch stay readable
        return new PreviousImages(java.util.Optional.of(redis.imageStore()));
    }

    /** Ready while Redis answers a PING within its timeouts. */
    static final class RedisProbe implements BooleanSupplier {
        private final RedisBackend redis;

        @jakarta.inject.Inject
        RedisProbe(RedisBackend redis) {
            this.redis = redis;
        }

        @Override
        public boolean getAsBoolean() {
            return redis.ping();
        }
    }
}
