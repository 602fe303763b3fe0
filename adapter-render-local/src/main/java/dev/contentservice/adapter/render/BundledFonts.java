package dev.contentservice.adapter.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;

/**
 * The two Hangul-capable fonts bundled in this module's resources (NAVER NanumSquare, SIL Open Font
 * License 1.1, see {@code fonts/OFL.txt}). They are read from the classpath, never from the file system,
 * so Korean renders as Korean on a machine that has no fonts installed at all.
 */
final class BundledFonts {
    static final String REGULAR_RESOURCE = "fonts/NanumSquareR.ttf";
    static final String BOLD_RESOURCE = "fonts/NanumSquareB.ttf";

    private static final BundledFonts INSTANCE = new BundledFonts(load(REGULAR_RESOURCE), load(BOLD_RESOURCE));

    private final Font regular;
    private final Font bold;
    private final String ellipsis;

    private BundledFonts(Font regular, Font bold) {
        this.regular = regular;
        this.bold = bold;
        this.ellipsis = canDisplay('\u2026') ? "\u2026" : "...";
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

    String ellipsis() {
        return ellipsis;
    }

    boolean canDisplay(int codePoint) {
        return regular.canDisplay(codePoint) && bold.canDisplay(codePoint);
    }

    /**
     * Makes text drawable with the bundled fonts: composes Hangul jamo into syllables, reduces accented
     * letters the fonts lack to their base letter, turns every kind of white space into one plain space
     * and drops what neither font can draw (emoji, private-use code points), so no box is ever drawn.
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
