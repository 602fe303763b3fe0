package dev.contentservice.domain;

/** No AI recommendation was selected for the draft yet. Answered with 404 CONTENT_001. */
public final class RecommendationMissingException extends ContentException {
    public static final String CODE = "CONTENT_001";
    private final EventDraftId eventDraftId;

    public RecommendationMissingException(EventDraftId eventDraftId) {
        super(CODE, "no AI recommendation stored for eventDraftId " + eventDraftId.value());
        this.eventDraftId = eventDraftId;
    }

    public EventDraftId eventDraftId() {
        return eventDraftId;
    }
}
