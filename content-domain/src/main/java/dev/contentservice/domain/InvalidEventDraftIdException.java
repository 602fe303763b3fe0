package dev.contentservice.domain;

/** An event draft id that does not match {@link EventDraftId#PATTERN}. Answered with 400 CONTENT_002. */
public final class InvalidEventDraftIdException extends ContentException {
    public static final String CODE = "CONTENT_002";

    public InvalidEventDraftIdException(String reason) {
        super(CODE, reason);
    }
}
