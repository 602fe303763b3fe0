package dev.contentservice.domain;

import java.util.regex.Pattern;

/**
 * The id of an event draft: 1 to 64 characters of {@code [A-Za-z0-9_-]}. The narrow alphabet also keeps
 * user input out of Redis key syntax and file paths.
 */
public record EventDraftId(String value) {
    /** The most characters an id may have. */
    public static final int MAX_LENGTH = 64;

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    public EventDraftId {
        if (value == null || !isValid(value)) {
            throw new InvalidEventDraftIdException("eventDraftId must be 1 to 64 characters of [A-Za-z0-9_-]");
        }
    }

    /** {@link #PATTERN}, checked by hand: a draft id is read for every request and every claimed job. */
    private static boolean isValid(String value) {
        int length = value.length();
        if (length < 1 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public static EventDraftId of(String value) {
        return new EventDraftId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
