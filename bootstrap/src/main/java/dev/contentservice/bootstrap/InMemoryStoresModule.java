package dev.contentservice.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import dev.contentservice.adapter.memory.InMemoryImageSets;
import dev.contentservice.adapter.memory.InMemoryJobStore;
import dev.contentservice.adapter.memory.InMemoryRecommendations;
import dev.contentservice.adapter.memory.InMemoryWebhookOutbox;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.RecommendationSource;
import dev.contentservice.domain.WebhookOutbox;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/** The embedded default: every store and the queue in this process's memory. */
final class InMemoryStoresModule extends AbstractModule {
    private final ContentConfig config;

    InMemoryStoresModule(ContentConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        // in this process's memory every store and the queue answer while the process runs; named all the same
        MapBinder<String, BooleanSupplier> probes =
                MapBinder.newMapBinder(binder(), String.class, BooleanSupplier.class);
        for (String component : Readiness.COMPONENTS) {
            probes.addBinding(component).toInstance(() -> true);
        }
    }

    @Provides
    @Singleton
    InMemoryJobStore jobStore(Clock clock) {
        return new InMemoryJobStore(clock, config.lease());
    }

    @Provides
    @Singleton
    JobRepository jobRepository(InMemoryJobStore store) {
        return store;
    }

    @Provides
    @Singleton
    JobChanges jobChanges(InMemoryJobStore store) {
        return store;
    }

    @Provides
    @Singleton
    JobQueue jobQueue(InMemoryJobStore store) {
        return store;
    }

    @Provides
    @Singleton
    InMemoryRecommendations inMemoryRecommendations() {
        InMemoryRecommendations recommendations = new InMemoryRecommendations();
        if (config.samples()) {
            SampleRecommendations.all().forEach(recommendations::put);
        }
        return recommendations;
    }

    @Provides
    @Singleton
    RecommendationSource recommendationSource(InMemoryRecommendations recommendations) {
        return recommendations;
    }

    @Provides
    @Singleton
    ImageSetRepository imageSets(Clock clock) {
        return new InMemoryImageSets(clock);
    }

    @Provides
    @Singleton
    WebhookOutbox webhookOutbox(Clock clock) {
        return new InMemoryWebhookOutbox(clock);
    }

    @Provides
    @Singleton
    PreviousImages previousImages() {
        return PreviousImages.none(); // the image store itself: ImageStoreModules
    }
}
