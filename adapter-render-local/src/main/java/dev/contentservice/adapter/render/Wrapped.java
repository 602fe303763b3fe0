package dev.contentservice.adapter.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Text broken into lines that each fit a width, at most {@code maxLines} of them; when the text does not
 * fit, the last line ends with an ellipsis. Lines break at spaces (Korean breaks between words, too) and
 * a word wider than the whole line is broken between characters, so nothing is ever drawn past the width.
 *
 * @param truncated whether text was cut to fit
 */
record Wrapped(Font font, List<String> lines, boolean truncated, float lineHeight) {

    Wrapped {
        lines = List.copyOf(lines);
    }

    static final float DEFAULT_LEADING = 1.28f;

    static Wrapped of(String text, Font font, FontRenderContext frc, double maxWidth, int maxLines, String ellipsis) {
        return of(text, font, frc, maxWidth, maxLines, DEFAULT_LEADING, ellipsis);
    }

    static Wrapped of(
            String text,
            Font font,
            FontRenderContext frc,
            double maxWidth,
            int maxLines,
            float leading,
            String ellipsis) {
        float lineHeight = font.getSize2D() * leading;
        if (text.isEmpty() || maxLines < 1) {
            return new Wrapped(font, List.of(), !text.isEmpty(), lineHeight);
        }
        List<String> all = breakIntoLines(text, font, frc, maxWidth);
        if (all.size() <= maxLines) {
            return new Wrapped(font, all, false, lineHeight);
        }
        List<String> kept = new ArrayList<>(all.subList(0, maxLines));
        kept.set(maxLines - 1, withEllipsis(kept.get(maxLines - 1), font, frc, maxWidth, ellipsis));
        return new Wrapped(font, kept, true, lineHeight);
    }

    /**
     * The text at the largest size from {@code maxSize} down to {@code minSize} at which all of it fits
     * in a box of {@code maxWidth} by {@code maxHeight} in at most {@code maxLines} lines; at the smallest
     * size it is cut with an ellipsis if it still does not fit.
     */
    static Wrapped fitted(
            String text,
            Font base,
            FontRenderContext frc,
            double maxWidth,
            double maxHeight,
            int maxLines,
            float maxSize,
            float minSize,
            float leading,
            String ellipsis) {
        Wrapped wrapped = null;
        for (float size = maxSize; wrapped == null || (wrapped.truncated() && size >= minSize); size -= 4) {
            int lines = Math.min(maxLines, (int) Math.floor(maxHeight / (size * leading)));
            wrapped = of(text, base.deriveFont(size), frc, maxWidth, lines, leading, ellipsis);
        }
        return wrapped;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    float height() {
        return lines.size() * lineHeight;
    }

    /** Width of the widest line. */
    double width(FontRenderContext frc) {
        double widest = 0;
        for (String line : lines) {
            widest = Math.max(widest, width(line, font, frc));
        }
        return widest;
    }

    /** The advance of the text, each character in the first bundled font that has it. */
    static double width(String text, Font font, FontRenderContext frc) {
        if (text.isEmpty()) {
            return 0;
        }
        BundledFonts fonts = BundledFonts.get();
        if (fonts.primaryDraws(text, font)) {
            return font.getStringBounds(text, frc).getWidth();
        }
        return new TextLayout(fonts.attributed(text, font).getIterator(), frc).getAdvance();
    }

    private static List<String> breakIntoLines(String text, Font font, FontRenderContext frc, double maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, font, frc) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (width(word, font, frc) <= maxWidth) {
                line.append(word);
            } else {
                List<String> pieces = breakWord(word, font, frc, maxWidth);
                lines.addAll(pieces.subList(0, pieces.size() - 1));
                line.append(pieces.get(pieces.size() - 1));
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static List<String> breakWord(String word, Font font, FontRenderContext frc, double maxWidth) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        word.codePoints().forEach(cp -> {
            int before = piece.length();
            piece.appendCodePoint(cp);
            if (before > 0 && width(piece.toString(), font, frc) > maxWidth) {
                pieces.add(piece.substring(0, before));
                piece.delete(0, before);
            }
        });
        pieces.add(piece.toString());
        return pieces;
    }

    private static String withEllipsis(
            String line, Font font, FontRenderContext frc, double maxWidth, String ellipsis) {
        String cut = line.strip();
        while (!cut.isEmpty() && width(cut + ellipsis, font, frc) > maxWidth) {
            int end = cut.offsetByCodePoints(cut.length(), -1);
            cut = cut.substring(0, end).strip();
        }
        return cut + ellipsis;
    }
}
