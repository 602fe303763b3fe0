package dev.contentservice.domain;

import java.util.regex.Pattern;

/**
 * The id of an event draft: 1 to 64 characters of {@code [A-Za-z0-9_-]}. The narrow alphabet also keeps
 * user input out of Redis key syntax and file paths.
 */
public record EventDraftId(String value) {
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public EventDraftId {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new InvalidEventDraftIdException("eventDraftId must be 1 to 64 characters of [A-Za-z0-9_-]");
        }
    }

    public static EventDraftId of(String value) {
        return new EventDraftId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
