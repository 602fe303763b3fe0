package dev.contentservice.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The colours an owner may choose for a poster, each an sRGB value {@code 0xRRGGBB}. Every style reads them
 * in its own way: the ground (or the tint laid over the art), the accent of ornaments and labels, and the
 * main text colour.
 */
public record PosterPalette(int background, int accent, int text) {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    public PosterPalette {
        check(background, "background");
        check(accent, "accent");
        check(text, "text");
    }

    /** From three {@code #RRGGBB} strings; a malformed one is refused with a message naming it. */
    public static PosterPalette of(String background, String accent, String text) {
        return new PosterPalette(parse(background, "background"), parse(accent, "accent"), parse(text, "text"));
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

    private static void check(int rgb, String field) {
        if (rgb < 0 || rgb > 0xFFFFFF) {
            throw new IllegalArgumentException(field + " must be an RGB value between 0x000000 and 0xFFFFFF");
        }
    }
}
