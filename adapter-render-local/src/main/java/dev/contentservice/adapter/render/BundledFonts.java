package dev.contentservice.adapter.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.TextAttribute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.text.Normalizer;
import java.util.Map;

/**
 * The fonts bundled in this module's resources, all under the SIL Open Font License 1.1 (see {@code
 * fonts/OFL.txt} and {@code fonts/OFL-Noto.txt}), read from the classpath, never from the file system, so a
 * poster looks the same on a machine with no fonts installed. A glyph is taken from the first font of the
 * chain that has it:
 *
 * <ol>
 *   <li>NAVER NanumSquare (regular and bold): Hangul, ASCII and common symbols;
 *   <li>Noto Sans, Latin subset (regular and bold): accented letters such as "Café Lumière";
 *   <li>Noto Emoji (monochrome): emoji, drawn as outlines in the colour of the text.
 * </ol>
 *
 * What no font of the chain can draw (private-use code points, rare scripts) is dropped, so no box is drawn.
 */
final class BundledFonts {
    static final String REGULAR_RESOURCE = "fonts/NanumSquareR.ttf";
    static final String BOLD_RESOURCE = "fonts/NanumSquareB.ttf";
    static final String LATIN_REGULAR_RESOURCE = "fonts/NotoSansLatin-Regular.ttf";
    static final String LATIN_BOLD_RESOURCE = "fonts/NotoSansLatin-Bold.ttf";
    static final String EMOJI_RESOURCE = "fonts/NotoEmoji-Regular.ttf";

    private static final BundledFonts INSTANCE = new BundledFonts(
            load(REGULAR_RESOURCE),
            load(BOLD_RESOURCE),
            load(LATIN_REGULAR_RESOURCE),
            load(LATIN_BOLD_RESOURCE),
            load(EMOJI_RESOURCE));

    private final Font regular;
    private final Font bold;
    private final Font latinRegular;
    private final Font latinBold;
    private final Font emoji;
    private final String ellipsis;

    private BundledFonts(Font regular, Font bold, Font latinRegular, Font latinBold, Font emoji) {
        this.regular = regular;
        this.bold = bold;
        this.latinRegular = latinRegular;
        this.latinBold = latinBold;
        this.emoji = emoji;
        this.ellipsis = regular.canDisplay('\u2026') && bold.canDisplay('\u2026') ? "\u2026" : "...";
    }

    /** Loaded once per class loader; fonts are immutable, so one instance serves every thread. */
    static BundledFonts get() {
        return INSTANCE;
    }

    Font regular(float size) {
        return regular.deriveFont(size);
    }

    Font bold(float size) {
        return bold.deriveFont(size);
    }

    Font regularBase() {
        return regular;
    }

    Font boldBase() {
        return bold;
    }

    Font emojiBase() {
        return emoji;
    }

    String ellipsis() {
        return ellipsis;
    }

    /** Whether some font of the chain draws the code point, in both weights. */
    boolean canDisplay(int codePoint) {
        return (regular.canDisplay(codePoint) && bold.canDisplay(codePoint))
                || (latinRegular.canDisplay(codePoint) && latinBold.canDisplay(codePoint))
                || emoji.canDisplay(codePoint);
    }

    /**
     * Makes text drawable with the bundled fonts: composes Hangul jamo and accents (NFC), turns every kind
     * of white space into one plain space, drops invisible format characters and emoji variation selectors, reduces a letter no
     * font has to its base letter and drops what no font can draw, so no box is ever drawn.
     */
    String drawable(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(cp -> appendDrawable(out, cp));
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    private void appendDrawable(StringBuilder out, int codePoint) {
        if (Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint)) {
            out.append(' ');
        } else if (Character.getType(codePoint) == Character.FORMAT || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)) {
            // invisible format characters (zero-width joiner and space, BOM) and variation selectors: the
            // monochrome emoji are drawn one by one
        } else if (canDisplay(codePoint)) {
            out.appendCodePoint(codePoint);
        } else {
            String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFD);
            decomposed
                    .codePoints()
                    .filter(part -> Character.getType(part) != Character.NON_SPACING_MARK && canDisplay(part))
                    .forEach(out::appendCodePoint);
        }
    }

    /** Whether the primary font draws every character of the text itself, with no fallback. */
    boolean primaryDraws(String text, Font primary) {
        return primary.canDisplayUpTo(text) == -1;
    }

    /**
     * The text with each run of characters in the first font of the chain that has them, at the size (and
     * tracking) of {@code primary}, one of the NanumSquare fonts.
     */
    AttributedString attributed(String text, Font primary) {
        AttributedString attributed = new AttributedString(text);
        if (text.isEmpty()) {
            return attributed;
        }
        boolean isBold = primary.getFontName().equals(bold.getFontName());
        Font latin = derive(isBold ? latinBold : latinRegular, primary);
        Font symbols = derive(emoji, primary);
        // when NanumSquare lacks a Latin letter of the text, every Latin letter comes from Noto Sans, so
        // that "Café" is set in one typeface rather than with one odd "é"
        boolean latinFromNoto = text.codePoints()
                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN
                        && !primary.canDisplay(cp)
                        && latin.canDisplay(cp));
        int start = 0;
        Font runFont = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean latinLetter = Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
            Font font = latinFromNoto && latinLetter && latin.canDisplay(cp)
                    ? latin
                    : primary.canDisplay(cp) || Character.isWhitespace(cp)
                            ? primary
                            : latin.canDisplay(cp) ? latin : symbols.canDisplay(cp) ? symbols : primary;
            if (runFont != null && font != runFont) {
                attributed.addAttribute(TextAttribute.FONT, runFont, start, i);
                start = i;
            }
            runFont = font;
            i += Character.charCount(cp);
        }
        attributed.addAttribute(TextAttribute.FONT, runFont, start, text.length());
        return attributed;
    }

    private static Font derive(Font fallback, Font primary) {
        Font sized = fallback.deriveFont(primary.getSize2D());
        Object tracking = primary.getAttributes().get(TextAttribute.TRACKING);
        return tracking == null ? sized : sized.deriveFont(Map.of(TextAttribute.TRACKING, tracking));
    }

    private static Font load(String resource) {
        try (InputStream in = BundledFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled font " + resource + " is missing from the classpath");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled font " + resource, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font " + resource + " is not a TrueType font", e);
        }
    }
}
