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
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
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
    /** The smallest prize the starburst sets; a prize that does not fit at this size leaves the burst. */
    static final float MIN_PRIZE_SIZE = 30;

    private record Colours(Color[] gradient, Color headline) {}

    private static Colours colours(Canvas c, PosterText text) {
        Color[] gradient = GRADIENTS[PosterStyle.pick(text.mood(), GRADIENTS.length)];
        Color headline = Color.WHITE;
        if (c.palette.isPresent()) {
            PosterPalette chosen = c.palette.get();
            Color from = chosen.background().map(Color::new).orElse(gradient[0]);
            Color to = chosen.accent().map(Color::new).orElse(gradient[2]);
            gradient = new Color[] {from, PosterStyle.mix(from, to, 0.5f), to};
            headline = chosen.text().map(Color::new).orElse(headline);
        }
        return new Colours(gradient, headline);
    }

    @Override
    public void paint(Canvas c, PosterText text) {
        Colours colours = colours(c, text);
        int w = c.width;
        int h = c.height;
        if (c.overArt) {
            Color[] tint = colours.gradient();
            c.g.setPaint(new LinearGradientPaint(0, 0, w, h, new float[] {0f, 0.5f, 1f}, new Color[] {
                PosterStyle.withAlpha(tint[0], 90),
                PosterStyle.withAlpha(tint[1], 60),
                PosterStyle.withAlpha(tint[2], 90)
            }));
            c.g.fillRect(0, 0, w, h);
            c.g.setPaint(new GradientPaint(0, h * 0.45f, new Color(0, 0, 0, 0), 0, h, new Color(0, 0, 0, 140)));
            c.g.fillRect(0, (int) (h * 0.45f), w, h);
        } else {
            c.g.setPaint(new LinearGradientPaint(0, 0, w, h, new float[] {0f, 0.5f, 1f}, colours.gradient()));
            c.g.fillRect(0, 0, w, h);
            blobs(c);
        }

        float width = w - 2 * SIDE;
        float y = SIDE + c.safeTop;
        if (!text.storeName().isEmpty()) {
            Font storeFont = c.fonts.bold(32);
            pill(c, Role.STORE, text.storeName(), storeFont, SIDE, y, width - 200, INK, Color.WHITE, 0);
            y += pillHeight(storeFont) + 36;
        } else {
            y += 80;
        }
        // a small sticker in the top right corner, above where the (slightly turned) headline starts
        smiley(c, w - 128, 106 + c.safeTop, 50);
        y = Math.max(y + 24, 200 + c.safeTop);

        float stickerX = w - SIDE - STICKER_RADIUS + 20;
        float stickerY = h - SIDE - c.safeBottom - STICKER_RADIUS + 24;
        float box = STICKER_RADIUS * 1.3f;
        Wrapped prizeInBurst = c.fit(text.prize(), c.fonts.boldBase(), box, box * 0.62, 3, 40, MIN_PRIZE_SIZE, 1.2f);
        boolean prizeFitsBurst = text.prize().isEmpty() || !prizeInBurst.truncated();
        float columnWidth = stickerX - STICKER_RADIUS - SIDE - 24;
        float bottom = paintPills(c, text, prizeFitsBurst ? "" : text.prize(), columnWidth, h - SIDE - c.safeBottom);
        float wordsBottom = Math.min(bottom, stickerY - STICKER_RADIUS) - 30;

        boolean tall = h > w;
        float area = wordsBottom - y;
        Font descriptionFont = c.fonts.bold(tall ? 34 : 30);
        Wrapped description =
                c.wrapInBox(text.description(), descriptionFont, width - 48, area * 0.34 - 40, tall ? 4 : 3);
        float descriptionSpace = description.isEmpty() ? 0 : description.height() + 40 + 28;
        Wrapped subtitle = c.wrapInBox(text.subtitle(), c.fonts.bold(40), width, (area - descriptionSpace) * 0.3, 2);
        float subtitleSpace = subtitle.isEmpty() ? 0 : subtitle.height() + 18;
        Wrapped headline = c.fit(
                text.headline(),
                c.fonts.boldBase(),
                width - 20,
                area - subtitleSpace - descriptionSpace,
                4,
                tall ? 160 : 148,
                64,
                1.14f);
        float block = headline.height() + subtitleSpace + descriptionSpace;
        y += Math.max(0, (area - block) * (tall ? 0.4f : 0.25f));
        y = poppingText(c, colours, headline, SIDE, y, -0.045);
        if (!subtitle.isEmpty()) {
            y = outlinedText(c, Role.EVENT_TITLE, subtitle, SIDE, y + 18, colours.headline());
        }
        if (!description.isEmpty()) {
            card(c, description, SIDE, y + 28, width);
        }
        prizeSticker(c, prizeFitsBurst ? text.prize() : "", prizeInBurst, stickerX, stickerY);
        sprinkles(c);
    }

    /** Soft translucent circles behind everything. */
    private static void blobs(Canvas c) {
        Composite plain = c.g.getComposite();
        for (int i = 0; i < 4; i++) {
            float r = c.between(120, 260);
            float x = c.between(0, c.width);
            float y = c.between(0, c.height);
            c.g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, c.between(0.10f, 0.22f)));
            c.g.setColor(Color.WHITE);
            c.g.fill(new Ellipse2D.Float(x - r, y - r, 2 * r, 2 * r));
        }
        c.g.setComposite(plain);
    }

    /** A halftone patch and a few stars, strewn after the text and only where no text is. */
    private static void sprinkles(Canvas c) {
        Composite plain = c.g.getComposite();
        c.g.setColor(Color.WHITE);
        c.g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.55f));
        float dotsX = c.between(c.width * 0.55f, c.width * 0.75f);
        float dotsY = c.between(c.height * 0.22f, c.height * 0.35f);
        for (int row = 0; row < 7; row++) {
            for (int col = 0; col < 9; col++) {
                float r = 3.5f + (col + row) * 0.35f;
                c.decorate(new Ellipse2D.Float(dotsX + col * 26 - r, dotsY + row * 26 - r, 2 * r, 2 * r));
            }
        }
        c.g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.85f));
        for (int i = 0; i < 6 * c.height / c.width + 4; i++) {
            float x = c.between(40, c.width - 40);
            float y = c.between(40, c.height - 40);
            float r = c.between(10, 20);
            c.decorate(Canvas.star(x, y, r, r * 0.45, 5, c.between(0, 1)));
        }
        c.g.setComposite(plain);
    }

    /** Oversized type, outlined, with a hard offset shadow, turned slightly; returns the y below it. */
    private static float poppingText(Canvas c, Colours colours, Wrapped headline, float left, float top, double angle) {
        if (headline.isEmpty()) {
            return top;
        }
        AffineTransform saved = c.g.getTransform();
        c.g.rotate(angle, left, top + headline.height());
        float ascent = c.ascent(headline.font());
        float shadow = Math.max(5, headline.font().getSize2D() / 14);
        float y = top;
        double widest = 0;
        for (String line : headline.lines()) {
            Shape glyphs = c.outline(line, headline.font(), left + 10, y + ascent);
            c.g.setColor(INK);
            c.g.fill(AffineTransform.getTranslateInstance(shadow, shadow).createTransformedShape(glyphs));
            c.g.setStroke(new BasicStroke(shadow * 0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            c.g.draw(glyphs);
            c.g.setColor(colours.headline());
            c.g.fill(glyphs);
            widest = Math.max(widest, c.width(line, headline.font()));
            y += headline.lineHeight();
        }
        c.record(
                Role.HEADLINE, new Rectangle2D.Double(left, top, widest + 10 + shadow * 2, y - top + shadow), headline);
        c.g.setTransform(saved);
        return y;
    }

    /**
     * Light type walled off in ink (an outline all round and a hard shadow), so that it reads on a ground as
     * light as itself, a provider's art included; returns the y below it.
     */
    private static float outlinedText(Canvas c, Role role, Wrapped text, float left, float top, Color fill) {
        float ascent = c.ascent(text.font());
        float stroke = Math.max(5, text.font().getSize2D() / 7);
        float shadow = stroke * 0.7f;
        float x = left + stroke / 2;
        float y = top;
        double widest = 0;
        c.g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (String line : text.lines()) {
            Shape glyphs = c.outline(line, text.font(), x, y + ascent);
            c.g.setColor(INK);
            c.g.fill(AffineTransform.getTranslateInstance(shadow, shadow).createTransformedShape(glyphs));
            c.g.draw(AffineTransform.getTranslateInstance(shadow, shadow).createTransformedShape(glyphs));
            c.g.draw(glyphs);
            c.g.setColor(fill);
            c.g.fill(glyphs);
            widest = Math.max(widest, c.width(line, text.font()));
            y += text.lineHeight();
        }
        c.record(role, new Rectangle2D.Double(left, top, widest + stroke + shadow, y - top + shadow), text);
        return y;
    }

    /** How to take part, in a white card with an ink border and a hard shadow. */
    private static void card(Canvas c, Wrapped description, float left, float top, float width) {
        float cardWidth = (float) Math.min(width, description.width(c.frc()) + 48);
        float height = description.height() + 40;
        RoundRectangle2D.Float shape = new RoundRectangle2D.Float(left, top, cardWidth, height, 28, 28);
        c.g.setColor(INK);
        c.g.fill(new RoundRectangle2D.Float(left + 6, top + 7, cardWidth, height, 28, 28));
        c.g.setColor(Color.WHITE);
        c.g.fill(shape);
        c.g.setColor(INK);
        c.g.setStroke(new BasicStroke(4));
        c.g.draw(shape);
        c.draw(Role.DESCRIPTION, description, left + 24, top + 20, cardWidth - 48, Align.LEFT, INK);
        c.reserve(Role.LABEL, new Rectangle2D.Float(left, top, cardWidth + 6, height + 7), "", 0);
    }

    /**
     * Period and hashtags as tilted pills, and the prize when the burst cannot hold it readably, flowing up
     * from {@code bottom}; returns the top they reach.
     */
    private static float paintPills(Canvas c, PosterText text, String prize, float maxWidth, float bottom) {
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
                x += pill(c, Role.HASHTAGS, tag, font, x, y, maxWidth, Color.WHITE, INK, tilt) + 14;
            }
        }
        if (!text.period().isEmpty()) {
            y -= pillHeight(c.fonts.bold(32)) + 18;
            pill(c, Role.PERIOD, text.period(), c.fonts.bold(32), SIDE, y, maxWidth, INK, STICKER, 0);
        }
        if (!prize.isEmpty()) {
            y = prizeBox(c, prize, maxWidth, y - 22);
        }
        return y;
    }

    /** "경품" over the prize in a yellow box, for a prize too long for the burst; returns its top. */
    private static float prizeBox(Canvas c, String prize, float width, float bottom) {
        Wrapped label = c.wrap("경품", c.fonts.bold(28), width - 44, 1);
        Wrapped value = c.wrap(prize, c.fonts.bold(MIN_PRIZE_SIZE + 2), width - 44, 3);
        float height = label.height() + value.height() + 36;
        float top = bottom - height;
        RoundRectangle2D.Float shape = new RoundRectangle2D.Float(SIDE, top, width, height, 30, 30);
        c.g.setColor(INK);
        c.g.fill(new RoundRectangle2D.Float(SIDE + 6, top + 7, width, height, 30, 30));
        c.g.setColor(STICKER);
        c.g.fill(shape);
        c.g.setColor(INK);
        c.g.setStroke(new BasicStroke(4));
        c.g.draw(shape);
        float y = c.draw(Role.LABEL, label, SIDE + 22, top + 16, width - 44, Align.LEFT, new Color(0xE0, 0x1E, 0x5A));
        c.draw(Role.PRIZE, value, SIDE + 22, y + 2, width - 44, Align.LEFT, INK);
        c.reserve(Role.LABEL, new Rectangle2D.Float(SIDE, top, width + 6, height + 7), "", 0);
        return top;
    }

    private static float pillHeight(Font font) {
        return font.getSize2D() * 1.2f + 26;
    }

    /** A rounded label at (x, y) no wider than {@code maxWidth}, outlined, with a hard shadow; returns its width. */
    private static float pill(
            Canvas c,
            Role role,
            String label,
            Font font,
            float x,
            float y,
            float maxWidth,
            Color fill,
            Color ink,
            double tilt) {
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
        c.drawLine(line, font, x + 22, y + 13 + c.ascent(font) + font.getSize2D() * 0.1f);
        c.reserve(role, new Rectangle2D.Float(x, y, width + 5, height + 6), line, font.getSize2D());
        c.g.setTransform(saved);
        return width;
    }

    /** A yellow starburst sticker with the prize, or "경품!" / "EVENT!" when the prize is elsewhere or absent. */
    private static void prizeSticker(Canvas c, String prize, Wrapped fitted, float cx, float cy) {
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
            c.draw(Role.LABEL, word, cx - box / 2, cy - word.height() / 2, box, Align.CENTER, INK);
        } else {
            Wrapped label = c.wrap("경품", c.fonts.bold(34), box, 1);
            float top = cy - (label.height() + fitted.height()) / 2;
            float y = c.draw(Role.LABEL, label, cx - box / 2, top, box, Align.CENTER, new Color(0xE0, 0x1E, 0x5A));
            c.draw(Role.PRIZE, fitted, cx - box / 2, y, box, Align.CENTER, INK);
        }
        c.reserve(Role.LABEL, burst.getBounds2D(), "", 0);
        c.g.setTransform(saved);
    }

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
        c.reserve(
                Role.LABEL, new Rectangle2D.Float(cx - r, cy - r, 2 * r + 5, 2 * r + 6), "", 0); // no stars on its face
    }
}
