package dev.contentservice.adapter.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.contentservice.adapter.render.Canvas.Placed;
import dev.contentservice.adapter.render.Canvas.Role;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.PosterRequest;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the description and the period back off the posters with Tesseract (Debian {@code tesseract-ocr}
 * and {@code tesseract-ocr-kor}), to prove that the words were set in pixels, not only in the layout record.
 * Skipped, with a message, where Tesseract or its Korean data is not installed.
 */
class PosterOcrTest {
    private final Posters posters = new Posters(BundledFonts.get());

    @TempDir
    Path dir;

    @BeforeAll
    static void tesseractIsInstalled() throws Exception {
        assumeTrue(
                languages().contains("kor"),
                "Tesseract with Korean is not installed: apt-get install tesseract-ocr tesseract-ocr-kor");
    }

    @Test
    void the_description_can_be_read_back_off_every_style_in_every_format() throws Exception {
        for (ImageStyle style : ImageStyle.values()) {
            for (PosterFormat format : PosterFormat.values()) {
                String read = read(style, format, Role.DESCRIPTION);

                assertThat(read).as("%s %s", style, format).contains("식빵", "음료");
            }
        }
    }

    @Test
    void the_korean_period_can_be_read_back_off_the_simple_poster() throws Exception {
        assertThat(read(ImageStyle.SIMPLE, PosterFormat.SQUARE, Role.PERIOD)).contains("10.3(토)", "10.18(일)");
    }

    private String read(ImageStyle style, PosterFormat format, Role role) throws Exception {
        Posters.Drawn drawn =
                posters.drawWithLayout(PosterRequest.of(PosterFixtures.JOB, style, format, PosterFixtures.bakery()));
        Placed text = drawn.canvas().texts().stream()
                .filter(t -> t.role() == role)
                .findFirst()
                .orElseThrow();
        Rectangle box = text.bounds().getBounds();
        box.grow(10, 10);
        Path file = dir.resolve(style.key() + "-" + format.key() + ".png");
        ImageIO.write(
                blackOnWhite(drawn.image(), box.intersection(new Rectangle(0, 0, format.width(), format.height()))),
                "png",
                file.toFile());
        Process ocr = new ProcessBuilder("tesseract", file.toString(), "-", "-l", "kor", "--psm", "6")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(ocr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ocr.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.replaceAll("\\s+", "");
    }

    /** The box enlarged twice, in grey, inverted when the text is light on dark, and thresholded. */
    private static BufferedImage blackOnWhite(BufferedImage poster, Rectangle box) {
        int[] luma = new int[box.width * box.height];
        long sum = 0;
        for (int y = 0; y < box.height; y++) {
            for (int x = 0; x < box.width; x++) {
                int rgb = poster.getRGB(box.x + x, box.y + y);
                int value = (299 * ((rgb >> 16) & 255) + 587 * ((rgb >> 8) & 255) + 114 * (rgb & 255)) / 1000;
                luma[y * box.width + x] = value;
                sum += value;
            }
        }
        boolean darkGround = sum / luma.length < 128;
        BufferedImage out = new BufferedImage(box.width * 2, box.height * 2, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int value = luma[(y / 2) * box.width + x / 2];
                value = darkGround ? 255 - value : value;
                out.getRaster().setSample(x, y, 0, value < 140 ? 0 : 255);
            }
        }
        return out;
    }

    private static String languages() {
        try {
            Process list = new ProcessBuilder("tesseract", "--list-langs")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return list.waitFor(30, TimeUnit.SECONDS) && list.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
