package dev.contentservice.domain;

/**
 * An edit the service refuses: a text over its limit ({@link #TEXT_TOO_LONG}), a colour that is not
 * {@code #RRGGBB} ({@link #INVALID_PALETTE}), or nothing to change ({@link #EMPTY_EDIT}). Answered with 400
 * and the code.
 */
public final class InvalidImageEditException extends ContentException {
    public static final String TEXT_TOO_LONG = "TEXT_TOO_LONG";
    public static final String INVALID_TEXT = "INVALID_TEXT";
    public static final String INVALID_PALETTE = "INVALID_PALETTE";
    public static final String EMPTY_EDIT = "EMPTY_EDIT";

    private final String field;

    public InvalidImageEditException(String code, String field, String message) {
        super(code, message);
        this.field = field;
    }

    /** The JSON field at fault, for example {@code text.headline} or {@code palette.accent}. */
    public String field() {
        return field;
    }
}
