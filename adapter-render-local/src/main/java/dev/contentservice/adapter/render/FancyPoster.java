package dev.contentservice.adapter.render;

import dev.contentservice.adapter.render.Canvas.Align;
import dev.contentservice.adapter.render.Canvas.Role;
import dev.contentservice.domain.PosterPalette;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.LinearGradientPaint;
import java.awt.Paint;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.font.TextAttribute;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Map;

/**
 * 화려한: a dark jewel-toned ground, gold type and ornaments, a double frame, and sparkles and confetti that
 * are strewn last and only where no text is.
 */
final class FancyPoster implements PosterStyle {
    private static final Color[][] GROUNDS = {
        {new Color(0x7A, 0x14, 0x38), new Color(0x1C, 0x05, 0x10)}, // burgundy
        {new Color(0x1F, 0x31, 0x6B), new Color(0x06, 0x0A, 0x1E)}, // midnight
        {new Color(0x0F, 0x55, 0x43), new Color(0x02, 0x14, 0x0F)}, // emerald
        {new Color(0x55, 0x18, 0x5E), new Color(0x13, 0x04, 0x1A)}, // plum
    };
    private static final float SIDE = 150;

    /** The gold family and the cream of the text, from the palette's accent and text, or the house gold. */
    private record Colours(Color[] ground, Color goldLight, Color gold, Color goldDark, Color cream) {}

    private static Colours colours(Canvas c, PosterText text) {
        Color[] ground = GROUNDS[PosterStyle.pick(text.mood(), GROUNDS.length)];
        Color goldLight = new Color(0xFB, 0xEE, 0xB5);
        Color gold = new Color(0xD9, 0xB1, 0x4A);
        Color goldDark = new Color(0x9C, 0x73, 0x1E);
        Color cream = new Color(0xF6, 0xEC, 0xD6);
        if (c.palette.isPresent()) {
            PosterPalette chosen = c.palette.get();
            if (chosen.background().isPresent()) {
                Color base = new Color(chosen.background().get());
                ground = new Color[] {base, PosterStyle.mix(base, Color.BLACK, 0.75f)};
            }
            if (chosen.accent().isPresent()) {
                gold = new Color(chosen.accent().get());
                goldLight = PosterStyle.mix(gold, Color.WHITE, 0.6f);
                goldDark = PosterStyle.mix(gold, Color.BLACK, 0.35f);
            }
            cream = chosen.text().map(Color::new).orElse(cream);
        }
        return new Colours(ground, goldLight, gold, goldDark, cream);
    }

    @Override
    public void paint(Canvas c, PosterText text) {
        Colours colours = colours(c, text);
        int w = c.width;
        int h = c.height;
        if (c.overArt) {
            // a dark veil over the art so that gold and cream stay readable, heavier where the details sit
            c.g.setPaint(new GradientPaint(
                    0,
                    0,
                    PosterStyle.withAlpha(colours.ground()[1], 120),
                    0,
                    h,
                    PosterStyle.withAlpha(colours.ground()[1], 215)));
            c.g.fillRect(0, 0, w, h);
        } else {
            c.g.setPaint(new RadialGradientPaint(
                    new Point2D.Float(w / 2f, h * 0.42f),
                    Math.max(w, h) * 0.78f,
                    new float[] {0f, 1f},
                    colours.ground()));
            c.g.fillRect(0, 0, w, h);
            glow(c, w / 2f, h * 0.45f, Math.min(w, h) * 0.42f);
        }
        frame(c, colours);

        float width = w - 2 * SIDE;
        float y = 112 + c.safeTop;
        Font storeFont = c.fonts.bold(32).deriveFont(Map.of(TextAttribute.TRACKING, 0.12f));
        Wrapped store = c.wrap(text.storeName(), storeFont, width, 1);
        y = c.draw(Role.STORE, store, SIDE, y, width, Align.CENTER, colours.goldLight());
        divider(c, colours, w / 2f, y + 22);

        float bottom = paintDetails(c, text, colours, width, h - 104f - c.safeBottom);
        float top = y + 60;
        boolean tall = h > w;
        float area = bottom - top;
        Wrapped description =
                c.wrapInBox(text.description(), c.fonts.regular(tall ? 34 : 30), width, area * 0.36, tall ? 4 : 3);
        float descriptionSpace = description.isEmpty() ? 0 : description.height() + 28;
        Wrapped subtitle = c.wrapInBox(text.subtitle(), c.fonts.regular(38), width, (area - descriptionSpace) * 0.3, 2);
        float subtitleSpace = subtitle.isEmpty() ? 0 : subtitle.height() + 24;
        Wrapped headline = c.fit(
                text.headline(),
                c.fonts.boldBase(),
                width,
                area - subtitleSpace - descriptionSpace - 20,
                4,
                tall ? 112 : 100,
                56,
                1.25f);
        float block = headline.height() + subtitleSpace + descriptionSpace;
        float start = top + Math.max(0, (area - block) / 2 - 10);
        y = goldText(c, colours, headline, SIDE, start, width);
        if (!subtitle.isEmpty()) {
            y = c.draw(Role.EVENT_TITLE, subtitle, SIDE, y + 24, width, Align.CENTER, colours.cream());
        }
        if (!description.isEmpty()) {
            c.draw(Role.DESCRIPTION, description, SIDE, y + 28, width, Align.CENTER, colours.cream());
        }
        confetti(c, colours);
    }

    private static void glow(Canvas c, float cx, float cy, float radius) {
        c.g.setPaint(new RadialGradientPaint(new Point2D.Float(cx, cy), radius, new float[] {0f, 1f}, new Color[] {
            new Color(255, 214, 120, 70), new Color(255, 214, 120, 0)
        }));
        c.g.fill(new Ellipse2D.Float(cx - radius, cy - radius, 2 * radius, 2 * radius));
    }

    /**
     * Gold dust, confetti and four-pointed sparkles, strewn over the whole poster after the text: a piece
     * that would touch any text is not drawn ("베이커리" must never read "베이커라").
     */
    private static void confetti(Canvas c, Colours colours) {
        int w = c.width;
        int h = c.height;
        float density = (float) h / w;
        Composite plain = c.g.getComposite();
        for (int i = 0; i < 90 * density; i++) {
            float x = c.between(60, w - 60);
            float y = c.between(60, h - 60);
            float r = c.between(1.5f, 5f);
            c.g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, c.between(0.25f, 0.85f)));
            c.g.setColor(i % 3 == 0 ? colours.cream() : colours.gold());
            c.decorate(new Ellipse2D.Float(x - r, y - r, 2 * r, 2 * r));
        }
        for (int i = 0; i < 30 * density; i++) {
            float x = c.between(60, w - 60);
            float y = c.between(60, h - 60);
            c.g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, c.between(0.5f, 0.9f)));
            c.g.setColor(i % 2 == 0 ? colours.gold() : colours.goldLight());
            AffineTransform place = AffineTransform.getTranslateInstance(x, y);
            place.rotate(c.between(0, (float) Math.PI));
            c.decorate(place.createTransformedShape(new Rectangle2D.Float(-4, -9, 8, 18)));
        }
        for (int i = 0; i < 26 * density; i++) {
            float outer = c.between(10, 30);
            float x = c.between(80, w - 80);
            float y = c.between(80, h - 80);
            c.g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, c.between(0.6f, 1f)));
            c.g.setColor(i % 3 == 0 ? Color.WHITE : colours.goldLight());
            c.decorate(Canvas.star(x, y, outer, outer * 0.22, 4, 0));
        }
        c.g.setComposite(plain);
    }

    private static void frame(Canvas c, Colours colours) {
        int w = c.width;
        int h = c.height;
        c.g.setPaint(goldPaint(colours, 0, h));
        c.g.setStroke(new BasicStroke(6));
        c.g.draw(new RoundRectangle2D.Float(34, 34, w - 68, h - 68, 18, 18));
        c.g.setStroke(new BasicStroke(1.8f));
        c.g.draw(new RoundRectangle2D.Float(52, 52, w - 104, h - 104, 10, 10));
        float[][] corners = {{52, 52}, {w - 52, 52}, {52, h - 52}, {w - 52, h - 52}};
        for (float[] corner : corners) {
            c.g.setColor(colours.gold());
            c.g.fill(diamond(corner[0], corner[1], 16));
            c.g.setColor(colours.goldLight());
            c.g.fill(diamond(corner[0], corner[1], 6));
        }
        c.g.setColor(colours.gold());
        c.g.fill(diamond(w / 2f, 34, 12));
        c.g.fill(diamond(w / 2f, h - 34, 12));
    }

    /** ——◆—— under the store name. */
    private static void divider(Canvas c, Colours colours, float cx, float y) {
        c.g.setColor(colours.gold());
        c.g.setStroke(new BasicStroke(2));
        c.g.drawLine((int) cx - 150, (int) y, (int) cx - 20, (int) y);
        c.g.drawLine((int) cx + 20, (int) y, (int) cx + 150, (int) y);
        c.g.fill(diamond(cx, y, 9));
        c.g.fill(new Ellipse2D.Float(cx - 160, y - 4, 8, 8));
        c.g.fill(new Ellipse2D.Float(cx + 152, y - 4, 8, 8));
    }

    /** Headline lines in a gold gradient with a soft dark shadow; returns the y below them. */
    private static float goldText(Canvas c, Colours colours, Wrapped headline, float left, float top, float width) {
        float ascent = c.ascent(headline.font());
        float y = top;
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        for (String line : headline.lines()) {
            double lineWidth = c.width(line, headline.font());
            float x = left + (float) (width - lineWidth) / 2;
            Shape glyphs = c.outline(line, headline.font(), x, y + ascent);
            c.g.setColor(new Color(0, 0, 0, 150));
            c.g.fill(AffineTransform.getTranslateInstance(3, 5).createTransformedShape(glyphs));
            c.g.setPaint(goldPaint(colours, y, y + headline.lineHeight()));
            c.g.fill(glyphs);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x + lineWidth + 3);
            y += headline.lineHeight();
        }
        if (!headline.isEmpty()) {
            c.record(Role.HEADLINE, new Rectangle2D.Double(minX, top, maxX - minX, y - top + 5), headline);
        }
        return y;
    }

    /** Prize ribbon, period, hashtags and store line, stacked up from {@code bottom}; returns their top. */
    private static float paintDetails(Canvas c, PosterText text, Colours colours, float width, float bottom) {
        float y = bottom;
        Font small = c.fonts.regular(26);
        if (!text.storeLine().isEmpty()) {
            y -= 26 * Wrapped.DEFAULT_LEADING;
            c.draw(
                    Role.STORE_LINE,
                    c.wrap(text.storeLine(), small, width, 1),
                    SIDE,
                    y,
                    width,
                    Align.CENTER,
                    colours.cream());
        }
        if (!text.hashtags().isEmpty()) {
            Font tagFont = c.fonts.bold(28);
            y -= 28 * Wrapped.DEFAULT_LEADING + 10;
            String tags = c.line(String.join("   ", text.hashtags()), tagFont, width);
            c.draw(Role.HASHTAGS, c.wrap(tags, tagFont, width, 1), SIDE, y, width, Align.CENTER, colours.gold());
        }
        if (!text.period().isEmpty()) {
            Font periodFont = c.fonts.bold(34);
            y -= 34 * Wrapped.DEFAULT_LEADING + 14;
            c.draw(
                    Role.PERIOD,
                    c.wrap(text.period(), periodFont, width, 1),
                    SIDE,
                    y,
                    width,
                    Align.CENTER,
                    colours.cream());
        }
        if (!text.prize().isEmpty()) {
            y = ribbon(c, colours, text.prize(), y - 26);
        }
        return y - 20;
    }

    /** A framed gold ribbon with "경품" over the prize; its bottom sits at {@code bottom}; returns its top. */
    private static float ribbon(Canvas c, Colours colours, String prize, float bottom) {
        float inner = 620;
        Wrapped value = c.wrap(prize, c.fonts.bold(40), inner, 2);
        Font labelFont = c.fonts.bold(24).deriveFont(Map.of(TextAttribute.TRACKING, 0.3f));
        float height = 44 + value.height() + 26;
        float width = (float) Math.max(360, value.width(c.frc()) + 110);
        float left = (c.width - width) / 2;
        float top = bottom - height;
        RoundRectangle2D.Float box = new RoundRectangle2D.Float(left, top, width, height, 26, 26);
        Paint shade = new Color(0, 0, 0, 110);
        c.g.setPaint(shade);
        c.g.fill(box);
        c.g.setPaint(goldPaint(colours, top, bottom));
        c.g.setStroke(new BasicStroke(3));
        c.g.draw(box);
        c.g.setStroke(new BasicStroke(1.2f));
        c.g.draw(new RoundRectangle2D.Float(left + 8, top + 8, width - 16, height - 16, 18, 18));
        c.g.fill(diamond(left, top + height / 2, 12));
        c.g.fill(diamond(left + width, top + height / 2, 12));
        c.draw(Role.LABEL, c.wrap("경품", labelFont, width, 1), left, top + 16, width, Align.CENTER, colours.gold());
        c.draw(Role.PRIZE, value, left, top + 48, width, Align.CENTER, colours.goldLight());
        c.reserve(Role.LABEL, new Rectangle2D.Float(left - 12, top, width + 24, height), "", 0);
        return top;
    }

    private static Paint goldPaint(Colours colours, float top, float bottom) {
        return new LinearGradientPaint(
                0, top, 0, Math.max(top + 1, bottom), new float[] {0f, 0.45f, 0.55f, 1f}, new Color[] {
                    colours.goldLight(), colours.gold(), colours.goldDark(), colours.gold()
                });
    }

    private static Shape diamond(float cx, float cy, float r) {
        Path2D.Float path = new Path2D.Float();
        path.moveTo(cx, cy - r);
        path.lineTo(cx + r, cy);
        path.lineTo(cx, cy + r);
        path.lineTo(cx - r, cy);
        path.closePath();
        return path;
    }
}
