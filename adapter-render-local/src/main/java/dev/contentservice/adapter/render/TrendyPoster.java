package dev.contentservice.adapter.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.LinearGradientPaint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;

/** 트렌디: a vivid gradient, oversized outlined type with a hard shadow, pills and stickers. */
final class TrendyPoster implements PosterStyle {
    private static final Color INK = new Color(0x14, 0x14, 0x14);
    private static final Color STICKER = new Color(0xFF, 0xE6, 0x1A);
    private static final Color[][] GRADIENTS = {
        {new Color(0xFF, 0x3C, 0xAC), new Color(0x78, 0x4B, 0xA0), new Color(0x2B, 0x86, 0xC5)},
        {new Color(0xFF, 0x5F, 0x6D), new Color(0xFF, 0x8A, 0x3D), new Color(0xFF, 0xC3, 0x71)},
        {new Color(0x00, 0xC9, 0x8D), new Color(0x00, 0xB4, 0xE6), new Color(0x6A, 0x5B, 0xFF)},
        {new Color(0xF8, 0x36, 0x00), new Color(0xFF, 0x4E, 0x9B), new Color(0x8E, 0x2D, 0xE2)},
    };
    private static final float SIDE = 72;
    private static final float STICKER_RADIUS = 160;

    @Override
    public void paint(Canvas c, PosterText text) {
        int size = c.size;
        Color[] colors = GRADIENTS[PosterStyle.pick(text.mood(), GRADIENTS.length)];
        c.g.setPaint(new LinearGradientPaint(0, 0, size, size, new float[] {0f, 0.5f, 1f}, colors));
        c.g.fillRect(0, 0, size, size);
        blobs(c);

        float width = size - 2 * SIDE;
        float y = SIDE;
        if (!text.storeName().isEmpty()) {
            Font storeFont = c.fonts.bold(32);
            pill(c, text.storeName(), storeFont, SIDE, y, width - 200, INK, Color.WHITE, 0);
            y += pillHeight(storeFont) + 36;
        } else {
            y += 80;
        }
        // a small sticker in the top right corner, above where the (slightly turned) headline starts
        smiley(c, size - 128, 106, 50);
        y = Math.max(y + 24, 200);

        float stickerX = size - SIDE - STICKER_RADIUS + 20;
        float stickerY = size - SIDE - STICKER_RADIUS + 24;
        float bottom = paintPills(c, text, stickerX - STICKER_RADIUS - SIDE - 24, size - SIDE);
        float headlineBottom = Math.min(bottom, stickerY - STICKER_RADIUS) - 30;

        Wrapped subtitle = c.wrapInBox(text.subtitle(), c.fonts.bold(40), width, (headlineBottom - y) * 0.3, 2);
        float subtitleSpace = subtitle.isEmpty() ? 0 : subtitle.height() + 18;
        Wrapped headline = c.fit(
                text.headline(), c.fonts.boldBase(), width - 20, headlineBottom - y - subtitleSpace, 4, 148, 64, 1.14f);
        y = poppingText(c, headline, SIDE, y, -0.045);
        if (!subtitle.isEmpty()) {
            c.draw(subtitle, SIDE + 3, y + 21, width, Canvas.Align.LEFT, INK);
            c.draw(subtitle, SIDE, y + 18, width, Canvas.Align.LEFT, Color.WHITE);
        }
        prizeSticker(c, text.prize(), stickerX, stickerY);
    }

    /** Soft translucent circles, a halftone patch and a few stars. */
    private static void blobs(Canvas c) {
        int size = c.size;
        Composite plain = c.g.getComposite();
        for (int i = 0; i < 4; i++) {
            float r = c.between(120, 260);
            float x = c.between(0, size);
            float y = c.between(0, size);
            c.g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, c.between(0.10f, 0.22f)));
            c.g.setColor(Color.WHITE);
            c.g.fill(new Ellipse2D.Float(x - r, y - r, 2 * r, 2 * r));
        }
        c.g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.55f));
        float dotsX = c.between(size * 0.55f, size * 0.75f);
        float dotsY = c.between(size * 0.22f, size * 0.35f);
        for (int row = 0; row < 7; row++) {
            for (int col = 0; col < 9; col++) {
                float r = 3.5f + (col + row) * 0.35f;
                c.g.fill(new Ellipse2D.Float(dotsX + col * 26 - r, dotsY + row * 26 - r, 2 * r, 2 * r));
            }
        }
        c.g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.85f));
        for (int i = 0; i < 6; i++) {
            float x = c.between(40, size - 40);
            float y = c.between(40, size - 40);
            float r = c.between(10, 20);
            c.g.fill(Canvas.star(x, y, r, r * 0.45, 5, c.between(0, 1)));
        }
        c.g.setComposite(plain);
    }

    /** Oversized white type, outlined, with a hard offset shadow, turned slightly; returns the y below it. */
    private static float poppingText(Canvas c, Wrapped headline, float left, float top, double angle) {
        AffineTransform saved = c.g.getTransform();
        c.g.rotate(angle, left, top + headline.height());
        float ascent = c.ascent(headline.font());
        float shadow = Math.max(5, headline.font().getSize2D() / 14);
        float y = top;
        for (String line : headline.lines()) {
            Shape glyphs = c.outline(line, headline.font(), left + 10, y + ascent);
            c.g.setColor(INK);
            c.g.fill(AffineTransform.getTranslateInstance(shadow, shadow).createTransformedShape(glyphs));
            c.g.setStroke(new BasicStroke(shadow * 0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            c.g.draw(glyphs);
            c.g.setColor(Color.WHITE);
            c.g.fill(glyphs);
            y += headline.lineHeight();
        }
        c.g.setTransform(saved);
        return y;
    }

    /** Period and hashtags as tilted pills, flowing up from {@code bottom}; returns the top they reach. */
    private static float paintPills(Canvas c, PosterText text, float maxWidth, float bottom) {
        Font font = c.fonts.bold(30);
        float pillHeight = pillHeight(font);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        float rowWidth = 0;
        for (String tag : text.hashtags()) {
            float pillWidth = (float) Math.min(maxWidth, c.width(tag, font) + 44);
            if (!row.isEmpty() && rowWidth + pillWidth > maxWidth) {
                rows.add(row);
                row = new ArrayList<>();
                rowWidth = 0;
            }
            row.add(tag);
            rowWidth += pillWidth + 14;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        float y = bottom;
        int shown = Math.min(2, rows.size());
        for (int r = shown - 1; r >= 0; r--) {
            y -= pillHeight + 14;
            float x = SIDE;
            for (String tag : rows.get(r)) {
                double tilt = (c.random.nextDouble() - 0.5) * 0.07;
                x += pill(c, tag, font, x, y, maxWidth, Color.WHITE, INK, tilt) + 14;
            }
        }
        if (!text.period().isEmpty()) {
            y -= pillHeight(c.fonts.bold(32)) + 18;
            pill(c, text.period(), c.fonts.bold(32), SIDE, y, maxWidth, INK, STICKER, 0);
        }
        return y;
    }

    private static float pillHeight(Font font) {
        return font.getSize2D() * 1.2f + 26;
    }

    /** A rounded label at (x, y) no wider than {@code maxWidth}, outlined, with a hard shadow; returns its width. */
    private static float pill(
            Canvas c, String label, Font font, float x, float y, float maxWidth, Color fill, Color ink, double tilt) {
        String line = c.line(label, font, maxWidth - 44);
        float width = (float) c.width(line, font) + 44;
        float height = pillHeight(font);
        AffineTransform saved = c.g.getTransform();
        c.g.rotate(tilt, x + width / 2, y + height / 2);
        RoundRectangle2D.Float shape = new RoundRectangle2D.Float(x, y, width, height, height, height);
        c.g.setColor(INK);
        c.g.fill(new RoundRectangle2D.Float(x + 5, y + 6, width, height, height, height));
        c.g.setColor(fill);
        c.g.fill(shape);
        c.g.setColor(INK);
        c.g.setStroke(new BasicStroke(4));
        c.g.draw(shape);
        c.g.setColor(ink);
        c.g.setFont(font);
        c.g.drawString(line, x + 22, y + 13 + c.ascent(font) + font.getSize2D() * 0.1f);
        c.g.setTransform(saved);
        return width;
    }

    /** A yellow starburst sticker with the prize (or a plain "EVENT" when there is none). */
    private static void prizeSticker(Canvas c, String prize, float cx, float cy) {
        AffineTransform saved = c.g.getTransform();
        c.g.rotate(0.2, cx, cy);
        Shape burst = Canvas.star(cx, cy, STICKER_RADIUS, STICKER_RADIUS * 0.82, 18, 0);
        c.g.setColor(INK);
        c.g.fill(AffineTransform.getTranslateInstance(8, 9).createTransformedShape(burst));
        c.g.setColor(STICKER);
        c.g.fill(burst);
        c.g.setColor(INK);
        c.g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        c.g.draw(burst);
        float box = STICKER_RADIUS * 1.3f;
        if (prize.isEmpty()) {
            Wrapped word = c.wrap("EVENT!", c.fonts.bold(58), box, 1);
            c.draw(word, cx - box / 2, cy - word.height() / 2, box, Canvas.Align.CENTER, INK);
        } else {
            Wrapped label = c.wrap("경품", c.fonts.bold(34), box, 1);
            Wrapped value = c.fit(prize, c.fonts.boldBase(), box, box * 0.62, 3, 40, 24, 1.2f);
            float top = cy - (label.height() + value.height()) / 2;
            float y = c.draw(label, cx - box / 2, top, box, Canvas.Align.CENTER, new Color(0xE0, 0x1E, 0x5A));
            c.draw(value, cx - box / 2, y, box, Canvas.Align.CENTER, INK);
        }
        c.g.setTransform(saved);
    }

    /** A round yellow face sticker, drawn with shapes (no emoji font needed). */
    private static void smiley(Canvas c, float cx, float cy, float r) {
        Ellipse2D.Float face = new Ellipse2D.Float(cx - r, cy - r, 2 * r, 2 * r);
        c.g.setColor(INK);
        c.g.fill(new Ellipse2D.Float(cx - r + 5, cy - r + 6, 2 * r, 2 * r));
        c.g.setColor(STICKER);
        c.g.fill(face);
        c.g.setColor(INK);
        c.g.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        c.g.draw(face);
        c.g.fill(new Ellipse2D.Float(cx - r * 0.38f - 6, cy - r * 0.3f - 9, 12, 18));
        c.g.fill(new Ellipse2D.Float(cx + r * 0.38f - 6, cy - r * 0.3f - 9, 12, 18));
        c.g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        c.g.draw(new Arc2D.Float(cx - r * 0.55f, cy - r * 0.5f, r * 1.1f, r * 1.05f, 200, 140, Arc2D.OPEN));
    }
}
