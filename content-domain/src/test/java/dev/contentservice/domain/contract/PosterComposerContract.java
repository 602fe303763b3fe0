package dev.contentservice.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.PosterComposer;
import dev.contentservice.domain.PosterCopy;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.PosterPalette;
import dev.contentservice.domain.PosterRequest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PosterComposer} must do: compose every style at every format's exact size, over its own
 * background or over art of any shape, deterministically, with the words it is given.
 */
public abstract class PosterComposerContract {

    protected abstract PosterComposer createComposer();

    protected Duration patience() {
        return Duration.ofSeconds(30);
    }

    private final JobId job = JobId.random();

    private PosterRequest request(ImageStyle style, PosterFormat format) {
        return PosterRequest.of(job, style, format, Fixtures.recommendation(Fixtures.uniqueDraft()));
    }

    private GeneratedImage compose(PosterRequest request) throws Exception {
        return createComposer().compose(request).get(patience().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static BufferedImage decode(GeneratedImage image) throws IOException {
        assertThat(image.mediaType()).isEqualTo("image/png");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
        assertThat(decoded).as("a PNG that decodes").isNotNull();
        return decoded;
    }

    /** A picture of one colour, of any size: what a provider might return as art. */
    public static GeneratedImage art(int width, int height, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new GeneratedImage(out.toByteArray(), "image/png", "test-art");
    }

    @Test
    void composes_every_style_at_the_exact_size_of_every_format() throws Exception {
        for (ImageStyle style : ImageStyle.values()) {
            for (PosterFormat format : PosterFormat.values()) {
                BufferedImage poster = decode(compose(request(style, format)));

                assertThat(poster.getWidth()).as(style + " " + format).isEqualTo(format.width());
                assertThat(poster.getHeight()).as(style + " " + format).isEqualTo(format.height());
            }
        }
    }

    @Test
    void composes_over_art_of_another_aspect_ratio_at_the_formats_size() throws Exception {
        GeneratedImage wide = art(1536, 1024, new Color(0x2E, 0x7D, 0x32));

        for (PosterFormat format : PosterFormat.values()) {
            BufferedImage poster =
                    decode(compose(request(ImageStyle.SIMPLE, format).withArt(wide)));

            assertThat(poster.getWidth()).as(format.key()).isEqualTo(format.width());
            assertThat(poster.getHeight()).as(format.key()).isEqualTo(format.height());
        }
    }

    @Test
    void the_art_shows_through() throws Exception {
        PosterRequest request = request(ImageStyle.FANCY, PosterFormat.PORTRAIT);

        GeneratedImage overRed = compose(request.withArt(art(1024, 1024, Color.RED)));
        GeneratedImage overBlue = compose(request.withArt(art(1024, 1024, Color.BLUE)));

        assertThat(overRed.bytes()).isNotEqualTo(overBlue.bytes());
    }

    @Test
    void the_same_request_composes_the_same_poster() throws Exception {
        PosterRequest request = request(ImageStyle.TRENDY, PosterFormat.STORY);

        assertThat(compose(request).bytes()).isEqualTo(compose(request).bytes());
    }

    @Test
    void other_words_compose_another_poster() throws Exception {
        PosterRequest request = request(ImageStyle.SIMPLE, PosterFormat.SQUARE);
        PosterCopy edited = request.copy().with(EditableText.HEADLINE, "새 헤드라인");

        assertThat(compose(request.withCopy(edited)).bytes())
                .isNotEqualTo(compose(request).bytes());
    }

    @Test
    void a_palette_changes_the_colours() throws Exception {
        PosterRequest request = request(ImageStyle.SIMPLE, PosterFormat.SQUARE);

        GeneratedImage painted = compose(request.withPalette(PosterPalette.of("#101820", "#fee715", "#ffffff")));

        assertThat(painted.bytes()).isNotEqualTo(compose(request).bytes());
    }

    @Test
    void art_that_is_not_a_picture_fails_with_bad_response() {
        GeneratedImage garbage = new GeneratedImage(new byte[] {1, 2, 3, 4, 5}, "image/png", "test-art");

        assertThatThrownBy(() ->
                        compose(request(ImageStyle.SIMPLE, PosterFormat.SQUARE).withArt(garbage)))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(ImageGenerationException.class)
                .extracting(e -> ((ImageGenerationException) e).code())
                .isEqualTo(ImageGenerationException.BAD_RESPONSE);
    }
}
