package dev.contentservice.adapter.render;

import dev.contentservice.domain.PosterRequest;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Draws the poster of one request at its format's size. Pure and deterministic: the same request draws
 * the same pixels, as the decoration's randomness is seeded from the request's seed. With art, the art is
 * cover-cropped to the format (scaled to fill it, centred, the overflow cut) and the style sets its type
 * over it instead of drawing its own ground.
 */
final class Posters {
    private final BundledFonts fonts;

    Posters(BundledFonts fonts) {
        this.fonts = fonts;
    }

    BufferedImage draw(PosterRequest request) {
        return drawWithLayout(request).image();
    }

    /** The poster and the record of where its text and decoration went. */
    Drawn drawWithLayout(PosterRequest request) {
        Optional<BufferedImage> art = request.art().map(image -> decode(image.bytes()));
        int width = request.format().width();
        int height = request.format().height();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setClip(0, 0, width, height);
            art.ifPresent(picture -> coverCrop(g, picture, width, height));
            Canvas canvas = new Canvas(
                    g,
                    fonts,
                    request.format(),
                    new SplittableRandom(request.seed()),
                    request.palette(),
                    art.isPresent());
            PosterStyle.of(request.style()).paint(canvas, PosterText.from(request.copy(), fonts));
            return new Drawn(image, canvas);
        } finally {
            g.dispose();
        }
    }

    record Drawn(BufferedImage image, Canvas canvas) {}

    /** Scales the picture to cover the whole poster, centred; what overflows is cut. */
    static void coverCrop(Graphics2D g, BufferedImage picture, int width, int height) {
        double scale = Math.max((double) width / picture.getWidth(), (double) height / picture.getHeight());
        int drawnWidth = (int) Math.ceil(picture.getWidth() * scale);
        int drawnHeight = (int) Math.ceil(picture.getHeight() * scale);
        Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(picture, (width - drawnWidth) / 2, (height - drawnHeight) / 2, drawnWidth, drawnHeight, null);
        if (interpolation != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        }
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(bytes));
            if (picture == null || picture.getWidth() < 1 || picture.getHeight() < 1) {
                throw new UnreadableArtException("the art is not a PNG or JPEG picture this renderer can read", null);
            }
            return picture;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableArtException unreadable) {
                throw unreadable;
            }
            throw new UnreadableArtException("the art could not be decoded", e);
        }
    }

    /** The art handed in is not a picture: the provider's answer was bad, not the renderer. */
    static final class UnreadableArtException extends RuntimeException {
        UnreadableArtException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
