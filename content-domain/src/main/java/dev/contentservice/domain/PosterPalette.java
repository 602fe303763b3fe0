package dev.contentservice.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The colours an owner chose for a poster, each an sRGB value {@code 0xRRGGBB}; a colour left out keeps the
 * style's own. Every style reads them in its own way: the ground (or the tint laid over the art), the accent
 * of ornaments and labels, and the main text colour.
 */
public record PosterPalette(Optional<Integer> background, Optional<Integer> accent, Optional<Integer> text) {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    public PosterPalette {
        check(background, "background");
        check(accent, "accent");
        check(text, "text");
    }

    /** From three {@code #RRGGBB} strings; a malformed one is refused with a message naming it. */
    public static PosterPalette of(String background, String accent, String text) {
        return new PosterPalette(
                Optional.of(parse(background, "background")),
                Optional.of(parse(accent, "accent")),
                Optional.of(parse(text, "text")));
    }

    /** The colours of an owner's edit. */
    public static PosterPalette from(ImageEdit.Palette palette) {
        Objects.requireNonNull(palette, "palette must not be null");
        return new PosterPalette(
                palette.background().map(hex -> parse(hex, "background")),
                palette.accent().map(hex -> parse(hex, "accent")),
                palette.text().map(hex -> parse(hex, "text")));
    }

    /** {@code #rrggbb} of a colour. */
    public static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    private static int parse(String hex, String field) {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException(field + " must be a colour written #RRGGBB");
        }
        return Integer.parseInt(hex.substring(1), 16);
    }

    private static void check(Optional<Integer> rgb, String field) {
        Objects.requireNonNull(rgb, field + " must not be null (use Optional.empty())");
        if (rgb.isPresent() && (rgb.get() < 0 || rgb.get() > 0xFFFFFF)) {
            throw new IllegalArgumentException(field + " must be an RGB value between 0x000000 and 0xFFFFFF");
        }
    }
}
