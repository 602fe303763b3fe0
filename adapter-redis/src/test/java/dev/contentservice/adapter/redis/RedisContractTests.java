package dev.contentservice.adapter.redis;

import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.RecommendationSource;
import dev.contentservice.domain.WebhookOutbox;
import dev.contentservice.domain.contract.ImageSetRepositoryContract;
import dev.contentservice.domain.contract.ImageStoreContract;
import dev.contentservice.domain.contract.JobChangesContract;
import dev.contentservice.domain.contract.JobQueueContract;
import dev.contentservice.domain.contract.JobRepositoryContract;
import dev.contentservice.domain.contract.RecommendationSourceContract;
import dev.contentservice.domain.contract.WebhookOutboxContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** The Redis adapters pass every port's contract suite, against a real redis-server. */
class RedisContractTests {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final List<AutoCloseable> opened = new ArrayList<>();

    private RedisBackend backend(Duration lease) {
        RedisBackend backend = RedisBackend.open(REDIS.settings().withLease(lease));
        opened.add(backend);
        return backend;
    }

    /** Writes the recommendation as the AI service does: its JSON at {@code ai:event:{eventDraftId}}. */
    private void storeAiRecord(Recommendation recommendation) {
        try (RedisClient client = RedisClient.create(REDIS.url())) {
            client.set(Keys.recommendation(recommendation.eventDraftId()), RecommendationJson.write(recommendation));
        }
    }

    @AfterEach
    void closeBackends() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        opened.clear();
    }

    @Nested
    class Jobs extends JobRepositoryContract {
        private RedisBackend last;

        @Override
        protected JobRepository createJobRepository() {
            last = backend(RedisSettings.DEFAULT_LEASE);
            return last.jobRepository();
        }

        @Override
        protected void letTimePass(Duration duration) {
            REDIS.letTimePass(duration);
        }

        @Override
        protected RecommendationSource recommendations() {
            return last.recommendationSource();
        }

        @Override
        protected void storeRecommendation(Recommendation recommendation) {
            storeAiRecord(recommendation);
        }
    }

    @Nested
    class Webhooks extends WebhookOutboxContract {
        @Override
        protected WebhookOutbox createOutbox() {
            try (RedisClient client = RedisClient.create(REDIS.url())) {
                client.del(Keys.WEBHOOKS); // a fresh, empty outbox
            }
            return backend(RedisSettings.DEFAULT_LEASE).webhookOutbox();
        }
    }

    @Nested
    class Queue extends JobQueueContract {
        @Override
        protected Backend createBackend(Duration lease) {
            RedisBackend backend = backend(lease);
            return new Backend(backend.jobRepository(), backend.jobQueue(), backend.imageSetRepository());
        }
    }

    @Nested
    class Changes extends JobChangesContract {
        @Override
        protected Backend createBackend() {
            RedisBackend backend = backend(RedisSettings.DEFAULT_LEASE);
            return new Backend(backend.jobRepository(), backend.jobChanges());
        }

        @Override
        protected boolean backendsShareTheStore() {
            return true;
        }
    }

    @Nested
    class Recommendations extends RecommendationSourceContract {
        @Override
        protected RecommendationSource createSource() {
            return backend(RedisSettings.DEFAULT_LEASE).recommendationSource();
        }

        @Override
        protected void store(Recommendation recommendation) {
            storeAiRecord(recommendation);
        }
    }

    @Nested
    class ImageSets extends ImageSetRepositoryContract {
        @Override
        protected ImageSetRepository createImageSetRepository() {
            return backend(RedisSettings.DEFAULT_LEASE).imageSetRepository();
        }

        @Override
        protected void letTimePass(Duration duration) {
            REDIS.letTimePass(duration);
        }
    }

    @Nested
    class Images extends ImageStoreContract {
        @Override
        protected ImageStore createImageStore() {
            return backend(RedisSettings.DEFAULT_LEASE).imageStore();
        }

        @Override
        protected void letTimePass(Duration duration) {
            REDIS.letTimePass(duration);
        }
    }
}
