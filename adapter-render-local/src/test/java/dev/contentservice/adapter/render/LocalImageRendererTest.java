package dev.contentservice.adapter.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.EventInfo;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageRequest;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.PosterComposer;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.SelectedRecommendation;
import dev.contentservice.domain.contract.Fixtures;
import dev.contentservice.domain.contract.ImageGeneratorContract;
import dev.contentservice.domain.contract.PosterComposerContract;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LocalImageRendererTest {
    private final LocalImageRenderer renderer = new LocalImageRenderer();
    private final JobId job = JobId.random();

    @AfterEach
    void close() {
        renderer.close();
    }

    private BufferedImage draw(ImageStyle style, Recommendation recommendation) throws Exception {
        GeneratedImage image = renderer.generate(ImageRequest.of(job, style, recommendation, Instant.now()))
                .join();
        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(image.generator()).isEqualTo("local");
        return ImageIO.read(new ByteArrayInputStream(image.bytes()));
    }

    @Test
    void every_style_is_a_png_of_at_least_1024_square() throws Exception {
        for (ImageStyle style : ImageStyle.values()) {
            BufferedImage image = draw(style, Fixtures.recommendation(Fixtures.uniqueDraft()));

            assertThat(image.getWidth()).as(style.key()).isGreaterThanOrEqualTo(1024);
            assertThat(image.getHeight()).as(style.key()).isGreaterThanOrEqualTo(1024);
        }
    }

    @Test
    void the_three_styles_look_clearly_different() throws Exception {
        Recommendation recommendation = Fixtures.recommendation(Fixtures.uniqueDraft());
        Map<ImageStyle, double[]> means = new EnumMap<>(ImageStyle.class);
        for (ImageStyle style : ImageStyle.values()) {
            means.put(style, meanColour(draw(style, recommendation)));
        }

        assertThat(distance(means.get(ImageStyle.SIMPLE), means.get(ImageStyle.FANCY)))
                .isGreaterThan(40);
        assertThat(distance(means.get(ImageStyle.SIMPLE), means.get(ImageStyle.TRENDY)))
                .isGreaterThan(40);
        assertThat(distance(means.get(ImageStyle.FANCY), means.get(ImageStyle.TRENDY)))
                .isGreaterThan(40);
    }

    @Test
    void the_same_request_draws_the_same_image() {
        ImageRequest request =
                ImageRequest.of(job, ImageStyle.FANCY, Fixtures.recommendation(Fixtures.uniqueDraft()), Instant.now());

        assertThat(renderer.generate(request).join().bytes())
                .isEqualTo(renderer.generate(request).join().bytes());
    }

    @Test
    void hostile_and_sparse_events_render_without_error() throws Exception {
        List<Recommendation> odd = List.of(
                PosterFixtures.longRecommendation(),
                Fixtures.sparseRecommendation(Fixtures.uniqueDraft()),
                new Recommendation(
                        EventDraftId.of("emoji"),
                        new EventInfo("🍓🍰 가게", "", "", "🎉🎉🎉", "₩10,000 상품권 😀", "", "2026-12-31"),
                        new SelectedRecommendation(
                                "Ünïcödé — 한글 mixed ABC 123 " + "ㅋ".repeat(300), "", List.of("#태그", "a b c"), "", "")),
                new Recommendation(
                        EventDraftId.of("latin"),
                        new EventInfo("", "", "", "Grand opening", "", "", ""),
                        SelectedRecommendation.EMPTY));

        for (Recommendation recommendation : odd) {
            for (ImageStyle style : ImageStyle.values()) {
                assertThat(draw(style, recommendation).getWidth()).isGreaterThanOrEqualTo(1024);
            }
        }
    }

    @Test
    void drawing_never_happens_on_the_callers_thread() {
        AtomicReference<Thread> drawingThread = new AtomicReference<>();
        LocalImageRenderer spying = new LocalImageRenderer(
                command -> new Thread(command, "renderer-test").start(), Optional.empty(), request -> {
                    drawingThread.set(Thread.currentThread());
                    return new byte[] {(byte) 0x89, 'P', 'N', 'G'};
                });

        spying.generate(ImageRequest.of(
                        job, ImageStyle.SIMPLE, Fixtures.recommendation(Fixtures.uniqueDraft()), Instant.now()))
                .join();

        assertThat(drawingThread.get()).isNotNull().isNotSameAs(Thread.currentThread());
    }

    @Test
    void a_drawing_failure_completes_the_future_with_imagegen_internal() {
        LocalImageRenderer broken = new LocalImageRenderer(Runnable::run, Optional.empty(), request -> {
            throw new IllegalStateException("out of paint");
        });

        assertThatThrownBy(() -> broken.generate(ImageRequest.of(
                                job, ImageStyle.TRENDY, Fixtures.recommendation(Fixtures.uniqueDraft()), Instant.now()))
                        .join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ImageGenerationException.class)
                .cause()
                .hasMessageContaining("trendy")
                .extracting(e -> ((ImageGenerationException) e).code())
                .isEqualTo(ImageGenerationException.INTERNAL);
    }

    @Test
    void regression_a_burst_of_more_drawings_than_the_old_queue_held_is_drawn_not_refused() throws Exception {
        // the worker holds up to CONTENT_WORKER_MAX_JOBS (256) jobs × 3 styles × 3 formats; a queue of 256
        // failed the rest of a burst with IMAGEGEN_INTERNAL "local renderer is busy"
        java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = LocalImageRenderer.newPool(1);
        LocalImageRenderer held = new LocalImageRenderer(pool, Optional.of(pool), request -> {
            open.await();
            return new byte[] {1};
        });
        try {
            List<java.util.concurrent.CompletableFuture<GeneratedImage>> drawings = new java.util.ArrayList<>();
            for (int i = 0; i < 3 * 256 + 1; i++) {
                drawings.add(held.generate(ImageRequest.of(
                        job, ImageStyle.SIMPLE, Fixtures.recommendation(Fixtures.uniqueDraft()), Instant.now())));
            }
            assertThat(drawings).noneMatch(java.util.concurrent.CompletableFuture::isCompletedExceptionally);

            open.countDown();

            for (java.util.concurrent.CompletableFuture<GeneratedImage> drawing : drawings) {
                assertThat(drawing.get(60, java.util.concurrent.TimeUnit.SECONDS)
                                .bytes())
                        .containsExactly(1);
            }
        } finally {
            open.countDown();
            held.close();
        }
    }

    @Test
    void a_closed_renderer_refuses_with_an_internal_failure() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        LocalImageRenderer owned = new LocalImageRenderer(pool);
        pool.shutdown();

        assertThatThrownBy(() -> owned.generate(ImageRequest.of(
                                job, ImageStyle.SIMPLE, Fixtures.recommendation(Fixtures.uniqueDraft()), Instant.now()))
                        .join())
                .hasCauseInstanceOf(ImageGenerationException.class);
    }

    @Nested
    class Contract extends ImageGeneratorContract {
        @Override
        protected ImageGenerator createGenerator() {
            return renderer;
        }
    }

    @Nested
    class ComposerContract extends PosterComposerContract {
        @Override
        protected PosterComposer createComposer() {
            return renderer;
        }
    }

    private static double[] meanColour(BufferedImage image) {
        double r = 0, g = 0, b = 0;
        int samples = 0;
        for (int y = 0; y < image.getHeight(); y += 8) {
            for (int x = 0; x < image.getWidth(); x += 8) {
                int rgb = image.getRGB(x, y);
                r += (rgb >> 16) & 0xFF;
                g += (rgb >> 8) & 0xFF;
                b += rgb & 0xFF;
                samples++;
            }
        }
        return new double[] {r / samples, g / samples, b / samples};
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }
}
