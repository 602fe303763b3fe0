package dev.contentservice.domain;

import java.util.Optional;

/** The texts of a poster an owner may change in an edit, with their JSON keys and length limits (in characters). */
public enum EditableText {
    HEADLINE("headline", 40),
    TITLE("title", 60),
    PRIZE("prize", 40),
    PERIOD("period", 40),
    DESCRIPTION("description", 200),
    STORE("store", 40);

    private final String key;
    private final int maxLength;

    EditableText(String key, int maxLength) {
        this.key = key;
        this.maxLength = maxLength;
    }

    public String key() {
        return key;
    }

    /** The most characters (Unicode code points) the text may have. */
    public int maxLength() {
        return maxLength;
    }

    public static Optional<EditableText> fromKey(String key) {
        for (EditableText text : values()) {
            if (text.key.equals(key)) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
