package dev.contentservice.domain;

/** No images are stored for the draft (none were made, or their 7 days passed). Answered with 404 CONTENT_004. */
public final class DraftImagesNotFoundException extends ContentException {
    public static final String CODE = "CONTENT_004";

    public DraftImagesNotFoundException(EventDraftId eventDraftId) {
        super(CODE, "no images stored for eventDraftId " + eventDraftId.value());
    }
}
