package dev.contentservice.adapter.render;

import dev.contentservice.domain.ImageStyle;

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
}
