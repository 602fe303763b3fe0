package dev.contentservice.adapter.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
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

/** 화려한: a dark jewel-toned ground, gold type and ornaments, sparkles, confetti and a double frame. */
final class FancyPoster implements PosterStyle {
    private static final Color GOLD_LIGHT = new Color(0xFB, 0xEE, 0xB5);
    private static final Color GOLD = new Color(0xD9, 0xB1, 0x4A);
    private static final Color GOLD_DARK = new Color(0x9C, 0x73, 0x1E);
    private static final Color CREAM = new Color(0xF6, 0xEC, 0xD6);
    private static final Color[][] GROUNDS = {
        {new Color(0x7A, 0x14, 0x38), new Color(0x1C, 0x05, 0x10)}, // burgundy
        {new Color(0x1F, 0x31, 0x6B), new Color(0x06, 0x0A, 0x1E)}, // midnight
        {new Color(0x0F, 0x55, 0x43), new Color(0x02, 0x14, 0x0F)}, // emerald
        {new Color(0x55, 0x18, 0x5E), new Color(0x13, 0x04, 0x1A)}, // plum
    };
    private static final float SIDE = 150;

    @Override
    public void paint(Canvas c, PosterText text) {
        int size = c.size;
        Color[] ground = GROUNDS[PosterStyle.pick(text.mood(), GROUNDS.length)];
        c.g.setPaint(new RadialGradientPaint(
                new Point2D.Float(size / 2f, size * 0.42f), size * 0.78f, new float[] {0f, 1f}, ground));
        c.g.fillRect(0, 0, size, size);
        glow(c, size / 2f, size * 0.45f, size * 0.42f);
        confetti(c);
        frame(c);

        float width = size - 2 * SIDE;
        float y = 112;
        Font storeFont = c.fonts.bold(32).deriveFont(Map.of(TextAttribute.TRACKING, 0.12f));
        Wrapped store = c.wrap(text.storeName(), storeFont, width, 1);
        y = c.draw(store, SIDE, y, width, Canvas.Align.CENTER, GOLD_LIGHT);
        divider(c, size / 2f, y + 22);

        float bottom = paintDetails(c, text, width, size - 104f);
        float top = y + 60;
        Wrapped subtitle = c.wrapInBox(text.subtitle(), c.fonts.regular(38), width, (bottom - top) * 0.3, 2);
        float subtitleSpace = subtitle.isEmpty() ? 0 : subtitle.height() + 24;
        Wrapped headline =
                c.fit(text.headline(), c.fonts.boldBase(), width, bottom - top - subtitleSpace - 20, 4, 100, 56, 1.25f);
        float block = headline.height() + subtitleSpace;
        float start = top + Math.max(0, (bottom - top - block) / 2 - 10);
        y = goldText(c, headline, SIDE, start, width);
        c.draw(subtitle, SIDE, y + 24, width, Canvas.Align.CENTER, CREAM);
    }

    private static void glow(Canvas c, float cx, float cy, float radius) {
        c.g.setPaint(new RadialGradientPaint(new Point2D.Float(cx, cy), radius, new float[] {0f, 1f}, new Color[] {
            new Color(255, 214, 120, 70), new Color(255, 214, 120, 0)
        }));
        c.g.fill(new Ellipse2D.Float(cx - radius, cy - radius, 2 * radius, 2 * radius));
    }

    /** Gold dust, confetti and four-pointed sparkles; the big ones keep off the central column, where the text is. */
    private static void confetti(Canvas c) {
        int size = c.size;
        Composite plain = c.g.getComposite();
        for (int i = 0; i < 90; i++) {
            float x = c.between(40, size - 40);
            float y = c.between(40, size - 40);
            float r = c.between(1.5f, 5f);
            c.g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, c.between(0.25f, 0.85f)));
            c.g.setColor(i % 3 == 0 ? CREAM : GOLD);
            c.g.fill(new Ellipse2D.Float(x - r, y - r, 2 * r, 2 * r));
        }
        for (int i = 0; i < 26; i++) {
            float x = c.between(40, size - 40);
            float y = c.between(40, size - 40);
            c.g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, c.between(0.5f, 0.9f)));
            c.g.setColor(i % 2 == 0 ? GOLD : GOLD_LIGHT);
            Shape piece = new Rectangle2D.Float(-4, -9, 8, 18);
            AffineTransform place = AffineTransform.getTranslateInstance(x, y);
            place.rotate(c.between(0, (float) Math.PI));
            c.g.fill(place.createTransformedShape(piece));
        }
        for (int i = 0; i < 22; i++) {
            float outer = c.between(10, 30);
            float x = c.between(70, size - 70);
            float y = c.between(70, size - 70);
            boolean middle = x > 180 && x < size - 180; // the text column, store name to footer
            if (middle && outer > 14) {
                outer = 10;
            }
            c.g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, c.between(0.6f, 1f)));
            c.g.setColor(i % 3 == 0 ? Color.WHITE : GOLD_LIGHT);
            c.g.fill(Canvas.star(x, y, outer, outer * 0.22, 4, 0));
        }
        c.g.setComposite(plain);
    }

    private static void frame(Canvas c) {
        int size = c.size;
        c.g.setPaint(goldPaint(0, size));
        c.g.setStroke(new BasicStroke(6));
        c.g.draw(new RoundRectangle2D.Float(34, 34, size - 68, size - 68, 18, 18));
        c.g.setStroke(new BasicStroke(1.8f));
        c.g.draw(new RoundRectangle2D.Float(52, 52, size - 104, size - 104, 10, 10));
        float[][] corners = {{52, 52}, {size - 52, 52}, {52, size - 52}, {size - 52, size - 52}};
        for (float[] corner : corners) {
            c.g.setColor(GOLD);
            c.g.fill(diamond(corner[0], corner[1], 16));
            c.g.setColor(GOLD_LIGHT);
            c.g.fill(diamond(corner[0], corner[1], 6));
        }
        c.g.setColor(GOLD);
        c.g.fill(diamond(size / 2f, 34, 12));
        c.g.fill(diamond(size / 2f, size - 34, 12));
    }

    /** ——◆—— under the store name. */
    private static void divider(Canvas c, float cx, float y) {
        c.g.setColor(GOLD);
        c.g.setStroke(new BasicStroke(2));
        c.g.drawLine((int) cx - 150, (int) y, (int) cx - 20, (int) y);
        c.g.drawLine((int) cx + 20, (int) y, (int) cx + 150, (int) y);
        c.g.fill(diamond(cx, y, 9));
        c.g.fill(new Ellipse2D.Float(cx - 160, y - 4, 8, 8));
        c.g.fill(new Ellipse2D.Float(cx + 152, y - 4, 8, 8));
    }

    /** Headline lines in a gold gradient with a soft dark shadow; returns the y below them. */
    private static float goldText(Canvas c, Wrapped headline, float left, float top, float width) {
        float ascent = c.ascent(headline.font());
        float y = top;
        for (String line : headline.lines()) {
            float x = left + (float) (width - c.width(line, headline.font())) / 2;
            Shape glyphs = c.outline(line, headline.font(), x, y + ascent);
            c.g.setColor(new Color(0, 0, 0, 150));
            c.g.fill(AffineTransform.getTranslateInstance(3, 5).createTransformedShape(glyphs));
            c.g.setPaint(goldPaint(y, y + headline.lineHeight()));
            c.g.fill(glyphs);
            y += headline.lineHeight();
        }
        return y;
    }

    /** Prize ribbon, period, hashtags and store line, stacked up from {@code bottom}; returns their top. */
    private static float paintDetails(Canvas c, PosterText text, float width, float bottom) {
        float y = bottom;
        Font small = c.fonts.regular(26);
        if (!text.storeLine().isEmpty()) {
            y -= 26 * Wrapped.DEFAULT_LEADING;
            c.draw(c.wrap(text.storeLine(), small, width, 1), SIDE, y, width, Canvas.Align.CENTER, CREAM);
        }
        if (!text.hashtags().isEmpty()) {
            Font tagFont = c.fonts.bold(28);
            y -= 28 * Wrapped.DEFAULT_LEADING + 10;
            String tags = c.line(String.join("   ", text.hashtags()), tagFont, width);
            c.draw(c.wrap(tags, tagFont, width, 1), SIDE, y, width, Canvas.Align.CENTER, GOLD);
        }
        if (!text.period().isEmpty()) {
            Font periodFont = c.fonts.regular(34);
            y -= 34 * Wrapped.DEFAULT_LEADING + 14;
            c.draw(c.wrap(text.period(), periodFont, width, 1), SIDE, y, width, Canvas.Align.CENTER, CREAM);
        }
        if (!text.prize().isEmpty()) {
            y = ribbon(c, text.prize(), y - 26);
        }
        return y - 20;
    }

    /** A framed gold ribbon with "경품" over the prize; its bottom sits at {@code bottom}; returns its top. */
    private static float ribbon(Canvas c, String prize, float bottom) {
        int size = c.size;
        float inner = 620;
        Wrapped value = c.wrap(prize, c.fonts.bold(40), inner, 2);
        Font labelFont = c.fonts.bold(24).deriveFont(Map.of(TextAttribute.TRACKING, 0.3f));
        float height = 44 + value.height() + 26;
        float width = (float) Math.max(360, value.width(c.frc()) + 110);
        float left = (size - width) / 2;
        float top = bottom - height;
        Paint shade = new Color(0, 0, 0, 110);
        c.g.setPaint(shade);
        c.g.fill(new RoundRectangle2D.Float(left, top, width, height, 26, 26));
        c.g.setPaint(goldPaint(top, bottom));
        c.g.setStroke(new BasicStroke(3));
        c.g.draw(new RoundRectangle2D.Float(left, top, width, height, 26, 26));
        c.g.setStroke(new BasicStroke(1.2f));
        c.g.draw(new RoundRectangle2D.Float(left + 8, top + 8, width - 16, height - 16, 18, 18));
        c.g.fill(diamond(left, top + height / 2, 12));
        c.g.fill(diamond(left + width, top + height / 2, 12));
        c.draw(c.wrap("경품", labelFont, width, 1), left, top + 16, width, Canvas.Align.CENTER, GOLD);
        c.draw(value, left, top + 48, width, Canvas.Align.CENTER, GOLD_LIGHT);
        return top;
    }

    private static Paint goldPaint(float top, float bottom) {
        return new LinearGradientPaint(
                0, top, 0, Math.max(top + 1, bottom), new float[] {0f, 0.45f, 0.55f, 1f}, new Color[] {
                    GOLD_LIGHT, GOLD, GOLD_DARK, GOLD
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
