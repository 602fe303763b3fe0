package dev.contentservice.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An owner's edit of one style of a draft's images: new texts (each within {@link EditableText#maxLength()})
 * and, optionally, new colours. Applied to every format of the set from the kept art, without a provider
 * call, by an {@link JobType#IMAGE_EDIT} job ({@link Job#edit()}).
 *
 * @param text the texts to replace; a text left out keeps its current value, an empty one is removed
 */
public record ImageEdit(ImageStyle style, Map<EditableText, String> text, Optional<Palette> palette) {

    public ImageEdit {
        Objects.requireNonNull(style, "style must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(palette, "palette must not be null (use Optional.empty())");
        EnumMap<EditableText, String> copy = new EnumMap<>(EditableText.class);
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
            copy.put(field, value);
        });
        text = Collections.unmodifiableMap(copy);
        if (text.isEmpty() && palette.isEmpty()) {
            throw new InvalidImageEditException(
                    InvalidImageEditException.EMPTY_EDIT, "text", "an edit must change a text or the palette");
        }
    }

    /** Colours as {@code #RRGGBB}; a colour left out keeps the style's own. */
    public record Palette(Optional<String> background, Optional<String> text, Optional<String> accent) {
        private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

        public Palette {
            requireColour(background, "palette.background");
            requireColour(text, "palette.text");
            requireColour(accent, "palette.accent");
            if (background.isEmpty() && text.isEmpty() && accent.isEmpty()) {
                throw new InvalidImageEditException(
                        InvalidImageEditException.INVALID_PALETTE, "palette", "palette must name at least one colour");
            }
        }

        private static void requireColour(Optional<String> colour, String field) {
            Objects.requireNonNull(colour, field + " must not be null (use Optional.empty())");
            if (colour.isPresent() && !HEX.matcher(colour.get()).matches()) {
                throw new InvalidImageEditException(
                        InvalidImageEditException.INVALID_PALETTE, field, field + " must be a colour like #1A2B3C");
            }
        }
    }
}
