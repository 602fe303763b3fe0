package dev.contentservice.domain;

import java.util.Optional;

/**
 * Reads the recommendation that the AI service stored for a draft ({@code ai:event:{eventDraftId}}).
 *
 * <p>Empty when nothing is stored; {@link InvalidRecommendationException} when something is stored but
 * cannot be used; {@link StoreUnavailableException} when the store does not answer.
 */
@FunctionalInterface
public interface RecommendationSource {
    Optional<Recommendation> find(EventDraftId eventDraftId);

    /**
     * The draft's recommendation, which must be there.
     *
     * @throws RecommendationMissingException when nothing is stored for the draft
     */
    default Recommendation require(EventDraftId eventDraftId) {
        return find(eventDraftId).orElseThrow(() -> new RecommendationMissingException(eventDraftId));
    }
}
