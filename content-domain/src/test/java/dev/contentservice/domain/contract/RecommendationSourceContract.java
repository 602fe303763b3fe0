package dev.contentservice.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.RecommendationMissingException;
import dev.contentservice.domain.RecommendationSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RecommendationSource} must do. Extend it with a fresh source and a way to store a
 * recommendation the way the AI service does (for Redis: its JSON at {@code ai:event:{eventDraftId}}).
 */
public abstract class RecommendationSourceContract {

    protected RecommendationSource source;

    protected abstract RecommendationSource createSource();

    /** Stores the recommendation as the AI service would. */
    protected abstract void store(Recommendation recommendation);

    @BeforeEach
    void setUpSource() {
        source = createSource();
    }

    @Test
    void stored_recommendation_is_found_with_every_field() {
        Recommendation recommendation = Fixtures.recommendation(Fixtures.uniqueDraft());
        store(recommendation);

        assertThat(source.find(recommendation.eventDraftId())).contains(recommendation);
    }

    @Test
    void sparse_recommendation_is_found_with_empty_fields() {
        Recommendation sparse = Fixtures.sparseRecommendation(Fixtures.uniqueDraft());
        store(sparse);

        Recommendation found = source.find(sparse.eventDraftId()).orElseThrow();

        assertThat(found).isEqualTo(sparse);
        assertThat(found.eventInfo().storeName()).isEmpty();
        assertThat(found.selected().keywords()).isEmpty();
    }

    @Test
    void missing_recommendation_is_empty() {
        assertThat(source.find(EventDraftId.of("never-stored-" + System.nanoTime())))
                .isEmpty();
    }

    @Test
    void require_answers_the_stored_recommendation_and_refuses_a_missing_one() {
        Recommendation recommendation = Fixtures.recommendation(Fixtures.uniqueDraft());
        store(recommendation);
        EventDraftId missing = EventDraftId.of("never-stored-" + System.nanoTime());

        assertThat(source.require(recommendation.eventDraftId())).isEqualTo(recommendation);
        assertThatThrownBy(() -> source.require(missing))
                .isInstanceOf(RecommendationMissingException.class)
                .satisfies(e -> assertThat(((RecommendationMissingException) e).eventDraftId())
                        .isEqualTo(missing));
    }

    @Test
    void recommendations_of_different_drafts_are_kept_apart() {
        Recommendation a = Fixtures.recommendation(Fixtures.uniqueDraft());
        Recommendation b = Fixtures.sparseRecommendation(Fixtures.uniqueDraft());
        store(a);
        store(b);

        assertThat(source.find(a.eventDraftId())).contains(a);
        assertThat(source.find(b.eventDraftId())).contains(b);
    }
}
