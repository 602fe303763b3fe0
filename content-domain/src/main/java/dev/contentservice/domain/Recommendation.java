package dev.contentservice.domain;

import java.util.Objects;

/**
 * What the AI service stored at {@code ai:event:{eventDraftId}}: the event information and the
 * selected recommendation. Valid only when at least one of the two titles is present. A job keeps a
 * snapshot of it, so the worker draws what was requested even if the AI record changes meanwhile.
 */
public record Recommendation(EventDraftId eventDraftId, EventInfo eventInfo, SelectedRecommendation selected) {

    public Recommendation {
        Objects.requireNonNull(eventDraftId, "eventDraftId must not be null");
        eventInfo = eventInfo == null ? EventInfo.EMPTY : eventInfo;
        selected = selected == null ? SelectedRecommendation.EMPTY : selected;
        if (eventInfo.title().isEmpty() && selected.title().isEmpty()) {
            throw new InvalidRecommendationException(
                    "recommendation needs eventInfo.title or selectedRecommendation.title");
        }
    }

    /** The title to put on the image: the selected recommendation's, else the event's. */
    public String headline() {
        return selected.title().isEmpty() ? eventInfo.title() : selected.title();
    }
}
