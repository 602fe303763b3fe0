package dev.contentservice.adapter.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.PosterRequest;
import dev.contentservice.domain.Recommendation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writes the posters of the renderer's hardest test drafts (accents and emoji, every text far too long) to
 * {@code target/samples/}, on the renderer's own grounds and over provider-like art, so that people can
 * look at them. The service's own sample drafts are written by bootstrap's {@code SamplePostersTest}.
 */
class FixturePostersTest {
    private static final Path SAMPLES = Path.of("target", "samples");

    @Test
    void writes_the_hardest_drafts_in_every_style_and_format_plain_and_over_art_for_people_to_look_at()
            throws Exception {
        Files.createDirectories(SAMPLES);
        LocalImageRenderer renderer = new LocalImageRenderer(Runnable::run);
        GeneratedImage art = PosterFixtures.photoLikeArt(1024, 1536);
        Map<String, Recommendation> drafts =
                Map.of("cafe-lumiere", PosterFixtures.cafeLumiere(), "long", PosterFixtures.longRecommendation());

        for (Map.Entry<String, Recommendation> draft : drafts.entrySet()) {
            for (ImageStyle style : ImageStyle.values()) {
                for (PosterFormat format : PosterFormat.values()) {
                    PosterRequest plain = PosterRequest.of(PosterFixtures.JOB, style, format, draft.getValue());
                    for (PosterRequest request : new PosterRequest[] {plain, plain.withArt(art)}) {
                        String mode = request.art().isPresent() ? "-art" : "";
                        Path file = SAMPLES.resolve(
                                draft.getKey() + mode + "-" + style.key() + "-" + format.key() + ".png");
                        Files.write(file, renderer.compose(request).join().bytes());

                        assertThat(file).isNotEmptyFile();
                    }
                }
            }
        }
    }

    @Test
    void writes_the_bakery_over_white_and_over_black_art_for_people_to_look_at() throws Exception {
        Files.createDirectories(SAMPLES);
        LocalImageRenderer renderer = new LocalImageRenderer(Runnable::run);
        Map<String, GeneratedImage> grounds = Map.of(
                "white", PosterFixtures.flatArt(java.awt.Color.WHITE),
                "black", PosterFixtures.flatArt(java.awt.Color.BLACK));

        for (Map.Entry<String, GeneratedImage> ground : grounds.entrySet()) {
            for (ImageStyle style : ImageStyle.values()) {
                for (PosterFormat format : PosterFormat.values()) {
                    PosterRequest request = PosterRequest.of(PosterFixtures.JOB, style, format, PosterFixtures.bakery())
                            .withArt(ground.getValue());
                    Path file = SAMPLES.resolve(
                            "bakery-on-" + ground.getKey() + "-" + style.key() + "-" + format.key() + ".png");
                    Files.write(file, renderer.compose(request).join().bytes());

                    assertThat(file).isNotEmptyFile();
                }
            }
        }
    }
}
