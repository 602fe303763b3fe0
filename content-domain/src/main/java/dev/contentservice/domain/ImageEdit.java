package dev.contentservice.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An owner's edit of one style of a draft's images: new words for some {@link PosterCopy.Field}s (each
 * within its {@link PosterCopy.Field#maxLength()}) and, optionally, a new {@link PosterPalette}. Meant to be
 * applied to every format of the set from the kept art, without a provider call (issue 13, item 4: the
 * {@link JobType#IMAGE_EDIT} job that applies it is not built yet; {@link #applyTo} is its first step).
 *
 * @param text the words to replace; a field left out keeps its words, an empty one is removed (never the
 *     headline)
 */
public record ImageEdit(ImageStyle style, Map<PosterCopy.Field, String> text, Optional<PosterPalette> palette) {

    public ImageEdit {
        Objects.requireNonNull(style, "style must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(palette, "palette must not be null (use Optional.empty())");
        EnumMap<PosterCopy.Field, String> copy = new EnumMap<>(PosterCopy.Field.class);
        text.forEach((field, value) -> {
            Objects.requireNonNull(field, "text must not hold a null field");
            String where = "text." + field.key();
            if (value == null) {
                throw new InvalidImageEditException(
                        InvalidImageEditException.INVALID_TEXT, where, where + " must be a string");
            }
            if (value.codePointCount(0, value.length()) > field.maxLength()) {
                throw new InvalidImageEditException(
                        InvalidImageEditException.TEXT_TOO_LONG,
                        where,
                        where + " must be at most " + field.maxLength() + " characters");
            }
            if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
                throw new InvalidImageEditException(
                        InvalidImageEditException.INVALID_TEXT, where, where + " must not hold control characters");
            }
            if (field == PosterCopy.Field.HEADLINE && value.isBlank()) {
                throw new InvalidImageEditException(
                        InvalidImageEditException.INVALID_TEXT, where, where + " must not be blank");
            }
            copy.put(field, value);
        });
        text = Collections.unmodifiableMap(copy);
        if (text.isEmpty() && palette.isEmpty()) {
            throw new InvalidImageEditException(
                    InvalidImageEditException.EMPTY_EDIT, "text", "an edit must change a text or the palette");
        }
    }

    /** The poster's words with this edit's words put in. */
    public PosterCopy applyTo(PosterCopy words) {
        PosterCopy edited = Objects.requireNonNull(words, "words must not be null");
        for (Map.Entry<PosterCopy.Field, String> change : text.entrySet()) {
            edited = edited.with(change.getKey(), change.getValue());
        }
        return edited;
    }
}
