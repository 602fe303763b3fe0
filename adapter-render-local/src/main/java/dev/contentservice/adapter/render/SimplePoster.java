package dev.contentservice.adapter.render;

import dev.contentservice.adapter.render.Canvas.Align;
import dev.contentservice.adapter.render.Canvas.Role;
import dev.contentservice.domain.PosterPalette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;

/** 심플: a calm, flat, left-aligned layout on warm white, with one accent colour and a lot of space. */
final class SimplePoster implements PosterStyle {
    private static final Color PAPER = new Color(0xFA, 0xF8, 0xF4);
    private static final Color INK = new Color(0x1F, 0x1F, 0x1F);
    private static final Color[] ACCENTS = {
        new Color(0xE4, 0x57, 0x2E), // persimmon
        new Color(0x17, 0x8F, 0x86), // teal
        new Color(0x3D, 0x5A, 0x98), // indigo
        new Color(0xC9, 0x8B, 0x00), // mustard
        new Color(0x4C, 0x8C, 0x2A), // leaf
        new Color(0xC8, 0x3E, 0x66), // rose
    };
    private static final float MARGIN = 104;

    private record Colours(Color paper, Color ink, Color muted, Color rule, Color accent) {}

    private static Colours colours(Canvas c, PosterText text) {
        Color paper = PAPER;
        Color ink = INK;
        Color muted = new Color(0x74, 0x74, 0x74);
        Color rule = new Color(0xDD, 0xDA, 0xD4);
        Color accent = ACCENTS[PosterStyle.pick(text.mood(), ACCENTS.length)];
        if (c.palette.isPresent()) {
            PosterPalette chosen = c.palette.get();
            paper = chosen.background().map(Color::new).orElse(paper);
            ink = chosen.text().map(Color::new).orElse(ink);
            accent = chosen.accent().map(Color::new).orElse(accent);
            muted = PosterStyle.mix(ink, paper, 0.4f);
            rule = PosterStyle.mix(ink, paper, 0.8f);
        }
        return new Colours(paper, ink, muted, rule, accent);
    }

    @Override
    public void paint(Canvas c, PosterText text) {
        Colours colours = colours(c, text);
        float width = c.width - 2 * MARGIN;
        float top = MARGIN + 4 + c.safeTop;
        float bottomEdge = c.height - MARGIN - c.safeBottom;

        if (c.overArt) {
            // the art shows at the top; the words sit on paper that fades in below it
            float fade = top + 120 + (c.height - c.width) * 0.35f;
            c.g.setPaint(new GradientPaint(
                    0,
                    fade - 160,
                    PosterStyle.withAlpha(colours.paper(), 0),
                    0,
                    fade,
                    PosterStyle.withAlpha(colours.paper(), 236)));
            c.g.fillRect(0, (int) (fade - 160), c.width, 161);
            c.g.setColor(PosterStyle.withAlpha(colours.paper(), 236));
            c.g.fillRect(0, (int) fade, c.width, c.height);
            c.g.setColor(PosterStyle.withAlpha(colours.paper(), 225));
            c.g.fillRect(0, 0, c.width, (int) (top + 96));
        } else {
            c.g.setColor(colours.paper());
            c.g.fillRect(0, 0, c.width, c.height);
        }
        c.g.setColor(colours.accent());
        c.g.fill(new Ellipse2D.Float(c.width - MARGIN - 92, top - 12, 92, 92));
        c.g.fill(new Rectangle2D.Float(MARGIN, top, 56, 6));
        Font storeFont = c.fonts.bold(34);
        c.draw(
                Role.STORE,
                c.wrap(text.storeName(), storeFont, width - 140, 1),
                MARGIN,
                top + 30,
                width,
                Align.LEFT,
                colours.accent());

        float bottom = paintDetails(c, text, colours, width, bottomEdge);

        // the words block: headline, event title, how to take part, centred a little above the middle
        float areaTop = top + 30 + 34 * 1.28f + (c.overArt ? 40 + (c.height - c.width) * 0.35f : 80);
        float area = bottom - areaTop - 30;
        boolean tall = c.height > c.width;
        Wrapped description =
                c.wrapInBox(text.description(), c.fonts.regular(tall ? 34 : 30), width * 0.9, area * 0.4, tall ? 4 : 3);
        float descriptionSpace = description.isEmpty() ? 0 : description.height() + 30;
        Wrapped subtitle = c.wrapInBox(text.subtitle(), c.fonts.regular(38), width, (area - descriptionSpace) * 0.3, 2);
        float subtitleSpace = subtitle.isEmpty() ? 0 : subtitle.height() + 20;
        Wrapped headline = c.fit(
                text.headline(),
                c.fonts.boldBase(),
                width,
                area - descriptionSpace - subtitleSpace,
                4,
                tall ? 108 : 96,
                56,
                1.3f);
        float block = headline.height() + subtitleSpace + descriptionSpace;
        float y = areaTop + Math.max(0, (area - block) * 0.4f);
        y = c.draw(Role.HEADLINE, headline, MARGIN, y, width, Align.LEFT, colours.ink());
        if (!subtitle.isEmpty()) {
            y = c.draw(Role.EVENT_TITLE, subtitle, MARGIN, y + 20, width, Align.LEFT, colours.muted());
        }
        if (!description.isEmpty()) {
            c.g.setColor(colours.accent());
            c.g.fill(new Rectangle2D.Float(MARGIN, y + 30, 6, description.height() - 8));
            c.draw(Role.DESCRIPTION, description, MARGIN + 26, y + 30, width - 26, Align.LEFT, colours.ink());
        }
    }

    /** Prize, period, store line and hashtags, stacked up from {@code bottom}; returns the top they reach. */
    private static float paintDetails(Canvas c, PosterText text, Colours colours, float width, float bottom) {
        float y = bottom;
        Font small = c.fonts.regular(28);
        if (!text.hashtags().isEmpty()) {
            String tags = c.line(String.join("  ", text.hashtags()), small, width);
            y -= small.getSize2D() * Wrapped.DEFAULT_LEADING;
            c.draw(Role.HASHTAGS, c.wrap(tags, small, width, 1), MARGIN, y, width, Align.LEFT, colours.accent());
        }
        String footer = text.storeLine().equals(text.storeName()) ? "" : text.storeLine();
        if (!footer.isEmpty()) {
            y -= small.getSize2D() * Wrapped.DEFAULT_LEADING + 4;
            c.draw(Role.STORE_LINE, c.wrap(footer, small, width, 1), MARGIN, y, width, Align.LEFT, colours.muted());
        }
        y = row(c, Role.PERIOD, "기간", text.period(), 1, colours, width, y - 26);
        y = row(c, Role.PRIZE, "경품", text.prize(), 2, colours, width, y);
        if (y < bottom - 60) {
            c.g.setColor(colours.rule());
            c.g.setStroke(new BasicStroke(2));
            c.g.drawLine((int) MARGIN, (int) y - 22, (int) (MARGIN + width), (int) y - 22);
        }
        return y - 22;
    }

    /** A labelled line ("경품  …") whose bottom sits at {@code bottom}; returns its top. */
    private static float row(
            Canvas c, Role role, String label, String value, int maxLines, Colours colours, float width, float bottom) {
        if (value.isEmpty()) {
            return bottom;
        }
        Font labelFont = c.fonts.bold(30);
        float indent = 110;
        Wrapped wrapped = c.wrap(value, c.fonts.regular(36), width - indent, maxLines);
        float top = bottom - wrapped.height();
        float labelTop = top + (c.ascent(wrapped.font()) - c.ascent(labelFont)) - 1;
        c.draw(Role.LABEL, c.wrap(label, labelFont, indent, 1), MARGIN, labelTop, indent, Align.LEFT, colours.accent());
        c.draw(role, wrapped, MARGIN + indent, top, width - indent, Align.LEFT, colours.ink());
        return top - 10;
    }
}
