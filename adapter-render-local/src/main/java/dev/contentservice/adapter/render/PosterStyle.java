package dev.contentservice.adapter.render;

import dev.contentservice.domain.ImageStyle;
import java.awt.Color;

/** How one {@link ImageStyle} lays out and decorates a poster. */
@FunctionalInterface
interface PosterStyle {
    void paint(Canvas canvas, PosterText text);

    static PosterStyle of(ImageStyle style) {
        return switch (style) {
            case SIMPLE -> new SimplePoster();
            case FANCY -> new FancyPoster();
            case TRENDY -> new TrendyPoster();
        };
    }

    /** A stable choice among {@code count} options that varies with the event, not with the job. */
    static int pick(String mood, int count) {
        return Math.floorMod(mood.hashCode(), count);
    }

    /** {@code a} moved towards {@code b} by {@code t} (0 = a, 1 = b). */
    static Color mix(Color a, Color b, float t) {
        return new Color(
                Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    static Color withAlpha(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }
}
