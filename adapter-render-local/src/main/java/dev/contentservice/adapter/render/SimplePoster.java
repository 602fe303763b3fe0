package dev.contentservice.adapter.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;

/** 심플: a calm, flat, left-aligned layout on warm white, with one accent colour and a lot of space. */
final class SimplePoster implements PosterStyle {
    private static final Color PAPER = new Color(0xFA, 0xF8, 0xF4);
    private static final Color INK = new Color(0x1F, 0x1F, 0x1F);
    private static final Color MUTED = new Color(0x74, 0x74, 0x74);
    private static final Color RULE = new Color(0xDD, 0xDA, 0xD4);
    private static final Color[] ACCENTS = {
        new Color(0xE4, 0x57, 0x2E), // persimmon
        new Color(0x17, 0x8F, 0x86), // teal
        new Color(0x3D, 0x5A, 0x98), // indigo
        new Color(0xC9, 0x8B, 0x00), // mustard
        new Color(0x4C, 0x8C, 0x2A), // leaf
        new Color(0xC8, 0x3E, 0x66), // rose
    };
    private static final float MARGIN = 104;

    @Override
    public void paint(Canvas c, PosterText text) {
        int size = c.size;
        Color accent = ACCENTS[PosterStyle.pick(text.mood(), ACCENTS.length)];
        float width = size - 2 * MARGIN;

        c.g.setColor(PAPER);
        c.g.fillRect(0, 0, size, size);
        c.g.setColor(accent);
        c.g.fill(new Ellipse2D.Float(size - MARGIN - 92, MARGIN - 8, 92, 92));

        float top = MARGIN + 4;
        c.g.fill(new Rectangle2D.Float(MARGIN, top, 56, 6));
        Font storeFont = c.fonts.bold(34);
        c.draw(c.wrap(text.storeName(), storeFont, width - 140, 1), MARGIN, top + 30, width, Canvas.Align.LEFT, accent);

        float bottom = paintDetails(c, text, accent, width, size - MARGIN);

        float y = MARGIN + 210;
        Wrapped headline = c.fit(text.headline(), c.fonts.boldBase(), width, bottom - y - 40, 4, 96, 56, 1.3f);
        y = c.draw(headline, MARGIN, y, width, Canvas.Align.LEFT, INK);
        if (!text.subtitle().isEmpty()) {
            Wrapped subtitle = c.wrapInBox(text.subtitle(), c.fonts.regular(38), width, bottom - y - 56, 2);
            y = c.draw(subtitle, MARGIN, y + 20, width, Canvas.Align.LEFT, MUTED);
        }
        if (!text.description().isEmpty()) {
            Wrapped description =
                    c.wrapInBox(text.description(), c.fonts.regular(30), width * 0.85, bottom - y - 70, 3);
            c.draw(description, MARGIN, y + 34, width, Canvas.Align.LEFT, MUTED);
        }
    }

    /** Prize, period, store line and hashtags, stacked up from {@code bottom}; returns the top they reach. */
    private static float paintDetails(Canvas c, PosterText text, Color accent, float width, float bottom) {
        float y = bottom;
        Font small = c.fonts.regular(28);
        if (!text.hashtags().isEmpty()) {
            String tags = c.line(String.join("  ", text.hashtags()), small, width);
            y -= small.getSize2D() * Wrapped.DEFAULT_LEADING;
            c.draw(c.wrap(tags, small, width, 1), MARGIN, y, width, Canvas.Align.LEFT, accent);
        }
        String footer = text.storeLine().equals(text.storeName()) ? "" : text.storeLine();
        if (!footer.isEmpty()) {
            y -= small.getSize2D() * Wrapped.DEFAULT_LEADING + 4;
            c.draw(c.wrap(footer, small, width, 1), MARGIN, y, width, Canvas.Align.LEFT, MUTED);
        }
        y = row(c, "기간", text.period(), 1, accent, width, y - 26);
        y = row(c, "경품", text.prize(), 2, accent, width, y);
        if (y < bottom - 60) {
            c.g.setColor(RULE);
            c.g.setStroke(new BasicStroke(2));
            c.g.drawLine((int) MARGIN, (int) y - 22, (int) (MARGIN + width), (int) y - 22);
        }
        return y - 22;
    }

    /** A labelled line ("경품  …") whose bottom sits at {@code bottom}; returns its top. */
    private static float row(
            Canvas c, String label, String value, int maxLines, Color accent, float width, float bottom) {
        if (value.isEmpty()) {
            return bottom;
        }
        Font labelFont = c.fonts.bold(30);
        float indent = 110;
        Wrapped wrapped = c.wrap(value, c.fonts.regular(36), width - indent, maxLines);
        float top = bottom - wrapped.height();
        float labelTop = top + (c.ascent(wrapped.font()) - c.ascent(labelFont)) - 1;
        c.draw(c.wrap(label, labelFont, indent, 1), MARGIN, labelTop, indent, Canvas.Align.LEFT, accent);
        c.draw(wrapped, MARGIN + indent, top, width - indent, Canvas.Align.LEFT, INK);
        return top - 10;
    }
}
