package dev.contentservice.adapter.memory;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.RecommendationSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recommendations in memory: what the embedded default preloads with its samples, and what an embedding
 * service fills in itself.
 */
public final class InMemoryRecommendations implements RecommendationSource {
    private final ConcurrentHashMap<EventDraftId, Recommendation> recommendations = new ConcurrentHashMap<>();

    /** Stores (replaces) the recommendation of its draft. */
    public void put(Recommendation recommendation) {
        recommendations.put(recommendation.eventDraftId(), recommendation);
    }

    @Override
    public Optional<Recommendation> find(EventDraftId eventDraftId) {
        return Optional.ofNullable(recommendations.get(eventDraftId));
    }
}
