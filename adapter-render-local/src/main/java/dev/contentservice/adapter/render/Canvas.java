package dev.contentservice.adapter.render;

import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.PosterPalette;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One poster being drawn: the graphics, the fonts, the format and the seeded randomness of its decoration,
 * with the drawing helpers every style shares. It records where each piece of text went and where each
 * decoration went, so that decoration can keep off the text and tests can check that it did.
 */
final class Canvas {
    enum Align {
        LEFT,
        CENTER
    }

    /** What a piece of text is, for the record of the layout. */
    enum Role {
        STORE,
        HEADLINE,
        EVENT_TITLE,
        DESCRIPTION,
        PRIZE,
        PERIOD,
        HASHTAGS,
        STORE_LINE,
        LABEL
    }

    /** A piece of text as drawn: its box on the poster (after any rotation), its lines and its font size. */
    record Placed(Role role, Rectangle2D bounds, List<String> lines, float fontSize) {}

    /** How far decoration keeps from text. */
    static final double TEXT_CLEARANCE = 12;

    final Graphics2D g;
    final BundledFonts fonts;
    final PosterFormat format;
    final int width;
    final int height;
    /** Extra room kept clear at the top and bottom where a story's app chrome covers the picture. */
    final float safeTop;

    final float safeBottom;
    final SplittableRandom random;
    final Optional<PosterPalette> palette;
    final boolean overArt;

    private final List<Placed> texts = new ArrayList<>();
    private final List<Rectangle2D> decorations = new ArrayList<>();

    Canvas(
            Graphics2D g,
            BundledFonts fonts,
            PosterFormat format,
            SplittableRandom random,
            Optional<PosterPalette> palette,
            boolean overArt) {
        this.g = g;
        this.fonts = fonts;
        this.format = format;
        this.width = format.width();
        this.height = format.height();
        this.safeTop = format == PosterFormat.STORY ? 150 : 0;
        this.safeBottom = format == PosterFormat.STORY ? 220 : 0;
        this.random = random;
        this.palette = palette;
        this.overArt = overArt;
    }

    List<Placed> texts() {
        return List.copyOf(texts);
    }

    List<Rectangle2D> decorations() {
        return List.copyOf(decorations);
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
    float draw(Role role, Wrapped text, float left, float top, float boxWidth, Align align, Paint paint) {
        if (text.isEmpty()) {
            return top;
        }
        g.setPaint(paint);
        float ascent = ascent(text.font());
        float y = top;
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        for (String line : text.lines()) {
            double lineWidth = width(line, text.font());
            float x = align == Align.CENTER ? left + (float) (boxWidth - lineWidth) / 2 : left;
            drawLine(line, text.font(), x, y + ascent);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x + lineWidth);
            y += text.lineHeight();
        }
        record(role, new Rectangle2D.Double(minX, top, maxX - minX, y - top), text);
        return y;
    }

    /** Draws one line with its baseline at (x, y), each character in the first bundled font that has it. */
    void drawLine(String line, Font font, float x, float y) {
        if (line.isEmpty()) {
            return;
        }
        if (fonts.primaryDraws(line, font)) {
            g.setFont(font);
            g.drawString(line, x, y);
        } else {
            g.drawString(fonts.attributed(line, font).getIterator(), x, y);
        }
    }

    /** The outline of one line of text with its baseline at (x, y), for strokes, shadows and gradients. */
    Shape outline(String line, Font font, float x, float y) {
        if (line.isEmpty()) {
            return new Path2D.Float();
        }
        TextLayout layout = fonts.primaryDraws(line, font)
                ? new TextLayout(line, font, frc())
                : new TextLayout(fonts.attributed(line, font).getIterator(), frc());
        return layout.getOutline(AffineTransform.getTranslateInstance(x, y));
    }

    /** Records text drawn by a style itself (outlined or in a gradient), in the current transform. */
    void record(Role role, Rectangle2D box, Wrapped text) {
        Rectangle2D onPoster = g.getTransform().createTransformedShape(box).getBounds2D();
        texts.add(new Placed(role, onPoster, text.lines(), text.font().getSize2D()));
    }

    /** Reserves a box (a ribbon, a pill, a sticker) as text, so decoration keeps off it. */
    void reserve(Role role, Shape shape, String label, float fontSize) {
        Rectangle2D onPoster = g.getTransform().createTransformedShape(shape).getBounds2D();
        texts.add(new Placed(role, onPoster, List.of(label), fontSize));
    }

    /**
     * Fills a piece of decoration with the current paint unless it would touch text (within {@link
     * #TEXT_CLEARANCE}); returns whether it was drawn. Decoration is drawn after the text for this reason.
     */
    boolean decorate(Shape piece) {
        Rectangle2D bounds = g.getTransform().createTransformedShape(piece).getBounds2D();
        for (Placed text : texts) {
            Rectangle2D clear = new Rectangle2D.Double(
                    text.bounds().getX() - TEXT_CLEARANCE,
                    text.bounds().getY() - TEXT_CLEARANCE,
                    text.bounds().getWidth() + 2 * TEXT_CLEARANCE,
                    text.bounds().getHeight() + 2 * TEXT_CLEARANCE);
            if (clear.intersects(bounds)) {
                return false;
            }
        }
        g.fill(piece);
        decorations.add(bounds);
        return true;
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
