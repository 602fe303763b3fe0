package dev.contentservice.adapter.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes PNGs in memory (no ImageIO disk cache). The writer's compression quality picks the deflate
 * level: ImageIO's default (level 9) is several times slower than a middle level for a few percent of
 * size, so this encoder asks for a faster one.
 */
final class PngEncoder {
    static final float DEFAULT_QUALITY = 0.5f;

    private final float quality;

    PngEncoder() {
        this(DEFAULT_QUALITY);
    }

    /** @param quality 0 (smallest, slowest) to 1 (no compression, fastest) */
    PngEncoder(float quality) {
        if (quality < 0f || quality > 1f) {
            throw new IllegalArgumentException("quality must be between 0 and 1");
        }
        this.quality = quality;
    }

    byte[] encode(BufferedImage image) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer available in this JDK");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
