package dev.contentservice.adapter.render;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.SplittableRandom;

/**
 * One poster being drawn: the graphics, the fonts, the size and the seeded randomness of its decoration,
 * with the few drawing helpers that every style shares.
 */
final class Canvas {
    enum Align {
        LEFT,
        CENTER
    }

    final Graphics2D g;
    final BundledFonts fonts;
    final int size;
    final SplittableRandom random;

    Canvas(Graphics2D g, BundledFonts fonts, int size, SplittableRandom random) {
        this.g = g;
        this.fonts = fonts;
        this.size = size;
        this.random = random;
    }

    FontRenderContext frc() {
        return g.getFontRenderContext();
    }

    Wrapped wrap(String text, Font font, double maxWidth, int maxLines) {
        return Wrapped.of(text, font, frc(), maxWidth, maxLines, fonts.ellipsis());
    }

    /** Wraps text into at most as many lines as fit {@code maxHeight}. */
    Wrapped wrapInBox(String text, Font font, double maxWidth, double maxHeight, int maxLines) {
        int lines = Math.min(maxLines, (int) Math.floor(maxHeight / (font.getSize2D() * Wrapped.DEFAULT_LEADING)));
        return wrap(text, font, maxWidth, lines);
    }

    Wrapped fit(
            String text,
            Font base,
            double maxWidth,
            double maxHeight,
            int maxLines,
            float maxSize,
            float minSize,
            float leading) {
        return Wrapped.fitted(
                text, base, frc(), maxWidth, maxHeight, maxLines, maxSize, minSize, leading, fonts.ellipsis());
    }

    /** One line cut with an ellipsis to fit {@code maxWidth}. */
    String line(String text, Font font, double maxWidth) {
        Wrapped wrapped = wrap(text, font, maxWidth, 1);
        return wrapped.isEmpty() ? "" : wrapped.lines().get(0);
    }

    double width(String text, Font font) {
        return Wrapped.width(text, font, frc());
    }

    float ascent(Font font) {
        return font.getLineMetrics("가Ag", frc()).getAscent();
    }

    /**
     * Draws the lines in a box that starts at {@code top}; returns the y just below the last line. Lines
     * are placed on their baselines, so the text stays inside the box whatever the font size.
     */
    float draw(Wrapped text, float left, float top, float boxWidth, Align align, Paint paint) {
        g.setPaint(paint);
        g.setFont(text.font());
        float ascent = ascent(text.font());
        float y = top;
        for (String line : text.lines()) {
            float x = align == Align.CENTER ? left + (float) (boxWidth - width(line, text.font())) / 2 : left;
            g.drawString(line, x, y + ascent);
            y += text.lineHeight();
        }
        return y;
    }

    /** The outline of one line of text with its baseline at (x, y), for strokes, shadows and gradients. */
    Shape outline(String line, Font font, float x, float y) {
        if (line.isEmpty()) {
            return new Path2D.Float();
        }
        TextLayout layout = new TextLayout(line, font, frc());
        return layout.getOutline(AffineTransform.getTranslateInstance(x, y));
    }

    float between(float low, float high) {
        return low + (float) random.nextDouble() * (high - low);
    }

    /** A star with {@code points} tips around (cx, cy). */
    static Shape star(double cx, double cy, double outer, double inner, int points, double rotation) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < points * 2; i++) {
            double radius = i % 2 == 0 ? outer : inner;
            double angle = rotation + Math.PI * i / points - Math.PI / 2;
            double x = cx + Math.cos(angle) * radius;
            double y = cy + Math.sin(angle) * radius;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }
}
