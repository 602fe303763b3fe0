package dev.contentservice.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageRequest;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.Recommendation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ImageGenerator} must do when its provider works. Extend it and return a generator
 * that can draw (an HTTP generator pointed at a local server that answers with images, for example).
 */
public abstract class ImageGeneratorContract {

    protected abstract ImageGenerator createGenerator();

    /** How long one image may take in the test setting. */
    protected Duration patience() {
        return Duration.ofSeconds(30);
    }

    private ImageRequest request(ImageStyle style, Recommendation recommendation) {
        return ImageRequest.of(
                JobId.random(), style, recommendation, Instant.now().plus(patience()));
    }

    private GeneratedImage await(CompletableFuture<GeneratedImage> future) throws Exception {
        return future.get(patience().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void assertIsAnImage(GeneratedImage image) {
        byte[] bytes = image.bytes();
        assertThat(bytes.length).isGreaterThan(8);
        switch (image.format()) {
            case PNG -> assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
            case JPEG -> assertThat(bytes).startsWith(0xFF, 0xD8, 0xFF);
            case WEBP ->
                assertThat(new String(bytes, 8, 4, java.nio.charset.StandardCharsets.US_ASCII))
                        .isEqualTo("WEBP");
        }
        assertThat(image.format()).isIn((Object[]) ImageFormat.values());
        assertThat(image.generator()).isNotBlank();
    }

    @Test
    void draws_an_image_for_every_style() throws Exception {
        ImageGenerator generator = createGenerator();
        Recommendation recommendation = Fixtures.recommendation(Fixtures.uniqueDraft());

        for (ImageStyle style : ImageStyle.values()) {
            assertIsAnImage(await(generator.generate(request(style, recommendation))));
        }
    }

    @Test
    void draws_the_three_styles_of_a_job_concurrently() throws Exception {
        ImageGenerator generator = createGenerator();
        Recommendation recommendation = Fixtures.recommendation(Fixtures.uniqueDraft());

        List<CompletableFuture<GeneratedImage>> futures = new ArrayList<>();
        for (ImageStyle style : ImageStyle.values()) {
            futures.add(generator.generate(request(style, recommendation)));
        }

        for (CompletableFuture<GeneratedImage> future : futures) {
            assertIsAnImage(await(future));
        }
    }

    @Test
    void draws_a_recommendation_that_has_nothing_but_a_title() throws Exception {
        ImageGenerator generator = createGenerator();

        GeneratedImage image = await(
                generator.generate(request(ImageStyle.TRENDY, Fixtures.sparseRecommendation(Fixtures.uniqueDraft()))));

        assertIsAnImage(image);
    }
}
