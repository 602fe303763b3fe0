package dev.contentservice.adapter.memory;

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
import dev.contentservice.domain.contract.MovableClock;
import dev.contentservice.domain.contract.ProviderBudgetContract;
import dev.contentservice.domain.contract.RecommendationSourceContract;
import dev.contentservice.domain.contract.WebhookOutboxContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;

/** The in-memory adapters pass every port's contract suite. */
class InMemoryContractTests {

    @Nested
    class Jobs extends JobRepositoryContract {
        private final MovableClock clock = new MovableClock(Instant.now());

        @Override
        protected JobRepository createJobRepository() {
            return new InMemoryJobStore(clock, Duration.ofMinutes(1));
        }

        @Override
        protected void letTimePass(Duration duration) {
            clock.advance(duration);
        }
    }

    @Nested
    class Queue extends JobQueueContract {
        @Override
        protected Backend createBackend(Duration lease) {
            InMemoryImageSets imageSets = new InMemoryImageSets(Clock.systemUTC());
            InMemoryJobStore store = new InMemoryJobStore(Clock.systemUTC(), lease, imageSets);
            return new Backend(store, store, imageSets);
        }
    }

    @Nested
    class Changes extends JobChangesContract {
        @Override
        protected Backend createBackend() {
            InMemoryJobStore store = new InMemoryJobStore(Clock.systemUTC(), Duration.ofMinutes(1));
            return new Backend(store, store);
        }
    }

    @Nested
    class Webhooks extends WebhookOutboxContract {
        @Override
        protected WebhookOutbox createOutbox() {
            return new InMemoryWebhookOutbox(Clock.systemUTC());
        }
    }

    @Nested
    class Budget extends ProviderBudgetContract {
        @Override
        protected Pair createBudgets(Optional<Integer> perMinute) {
            InMemoryProviderBudget budget = new InMemoryProviderBudget(
                    Clock.systemUTC(), perMinute.map(OptionalInt::of).orElse(OptionalInt.empty()));
            return new Pair(budget, budget);
        }
    }

    @Nested
    class Recommendations extends RecommendationSourceContract {
        private final InMemoryRecommendations recommendations = new InMemoryRecommendations();

        @Override
        protected RecommendationSource createSource() {
            return recommendations;
        }

        @Override
        protected void store(Recommendation recommendation) {
            recommendations.put(recommendation);
        }
    }

    @Nested
    class ImageSets extends ImageSetRepositoryContract {
        private final MovableClock clock = new MovableClock(Instant.now());

        @Override
        protected ImageSetRepository createImageSetRepository() {
            return new InMemoryImageSets(clock);
        }

        @Override
        protected void letTimePass(Duration duration) {
            clock.advance(duration);
        }
    }

    @Nested
    class Images extends ImageStoreContract {
        private final MovableClock clock = new MovableClock(Instant.now());

        @Override
        protected ImageStore createImageStore() {
            return new InMemoryImageStore(clock);
        }

        @Override
        protected void letTimePass(Duration duration) {
            clock.advance(duration);
        }
    }
}
