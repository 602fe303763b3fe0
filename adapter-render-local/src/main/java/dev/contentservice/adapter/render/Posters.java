package dev.contentservice.adapter.render;

import dev.contentservice.domain.ImageRequest;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Draws the poster of one request. Pure and deterministic: the same request draws the same pixels, as
 * the decoration's randomness is seeded from the job id and the style.
 */
final class Posters {
    /** Instagram's square size, above the 1024 pixels that the service promises. */
    static final int SIZE = 1080;

    private final BundledFonts fonts;

    Posters(BundledFonts fonts) {
        this.fonts = fonts;
    }

    BufferedImage draw(ImageRequest request) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setClip(0, 0, SIZE, SIZE);
            Canvas canvas = new Canvas(g, fonts, SIZE, new SplittableRandom(seed(request)));
            PosterStyle.of(request.style()).paint(canvas, PosterText.from(request.recommendation(), fonts));
        } finally {
            g.dispose();
        }
        return image;
    }

    static long seed(ImageRequest request) {
        long id = request.jobId().value().getMostSignificantBits()
                ^ request.jobId().value().getLeastSignificantBits();
        return id * 31 + request.style().ordinal();
    }
}
