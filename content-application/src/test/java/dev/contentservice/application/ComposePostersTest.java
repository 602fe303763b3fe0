package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.adapter.memory.InMemoryImageStore;
import dev.contentservice.adapter.render.LocalImageRenderer;
import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageRequest;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.PosterCopy;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.contract.Fixtures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ComposePosters}: one provider call per style for the art, the service's type in every format. */
class ComposePostersTest {
    private static final Set<PosterFormat> ALL = Set.of(PosterFormat.values());
    private static final Instant DEADLINE = Instant.parse("2030-01-01T00:00:00Z");

    private final LocalImageRenderer renderer = new LocalImageRenderer();
    private final InMemoryImageStore store = new InMemoryImageStore(Clock.systemUTC());
    private final EventDraftId draft = Fixtures.uniqueDraft();
    private final Recommendation recommendation = Fixtures.recommendation(draft);
    private final JobId job = JobId.random();

    @AfterEach
    void closeRenderer() {
        renderer.close();
    }

    /** An AI provider on loopback terms: answers every request with a 1024×1536 picture, and counts them. */
    static final class Provider implements ImageGenerator {
        final List<ImageRequest> requests = new CopyOnWriteArrayList<>();
        private final Function<ImageRequest, CompletableFuture<GeneratedImage>> answer;

        Provider(Function<ImageRequest, CompletableFuture<GeneratedImage>> answer) {
            this.answer = answer;
        }

        static Provider drawing() {
            return new Provider(request -> CompletableFuture.completedFuture(picture(1024, 1536)));
        }

        static Provider failing(String code) {
            return new Provider(request ->
                    CompletableFuture.failedFuture(new ImageGenerationException(code, "provider says " + code)));
        }

        @Override
        public CompletableFuture<GeneratedImage> generate(ImageRequest request) {
            requests.add(request);
            return answer.apply(request);
        }
    }

    static GeneratedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x3A6EA5));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xF4D35E));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GeneratedImage(out.toByteArray(), "image/png", "openai:test-model");
    }

    private ComposePosters posters(Optional<ImageGenerator> provider, boolean fallBack, TextMode mode) {
        return new ComposePosters(
                provider, fallBack, mode, renderer, store, name -> "http://cdn.test/" + name, Runnable::run);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    private BufferedImage stored(String url) throws IOException {
        String name = url.substring(url.lastIndexOf('/') + 1);
        byte[] bytes = store.get(new ImageFileName(name)).orElseThrow().bytes();
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private void assertSizes(StylePosters made) throws IOException {
        for (PosterFormat format : made.urls().keySet()) {
            BufferedImage image = stored(made.url(format));
            assertThat(image.getWidth()).as(format.key()).isEqualTo(format.width());
            assertThat(image.getHeight()).as(format.key()).isEqualTo(format.height());
        }
    }

    @Test
    void with_a_provider_the_art_is_drawn_once_kept_and_composed_in_every_format() throws Exception {
        Provider provider = Provider.drawing();

        StylePosters made = await(posters(Optional.of(provider), true, TextMode.OVERLAY)
                .draw(job, ImageStyle.FANCY, recommendation, ALL, DEADLINE));

        assertThat(provider.requests).hasSize(1);
        assertThat(provider.requests.get(0).prompt()).contains("no text, letters");
        assertThat(made.urls()).containsOnlyKeys(PosterFormat.values());
        assertThat(made.url(PosterFormat.SQUARE)).endsWith(job + "-fancy.png");
        assertThat(made.url(PosterFormat.STORY)).endsWith(job + "-fancy-story.png");
        assertSizes(made);
        assertThat(store.get(ImageFileName.art(job, ImageStyle.FANCY, ImageFormat.PNG))
                        .orElseThrow()
                        .bytes())
                .isEqualTo(picture(1024, 1536).bytes());
        assertThat(made.generator()).isEqualTo("openai:test-model+local");
    }

    @Test
    void the_square_alone_is_made_when_no_format_is_asked_for() throws Exception {
        StylePosters made = await(posters(Optional.of(Provider.drawing()), true, TextMode.OVERLAY)
                .draw(job, ImageStyle.SIMPLE, recommendation, Set.of(), DEADLINE));

        assertThat(made.urls()).containsOnlyKeys(PosterFormat.SQUARE);
        assertSizes(made);
    }

    @Test
    void with_text_by_the_provider_its_image_is_kept_byte_for_byte_and_no_art_is_kept() throws Exception {
        Provider provider = Provider.drawing();

        StylePosters made = await(posters(Optional.of(provider), true, TextMode.PROVIDER)
                .draw(job, ImageStyle.TRENDY, recommendation, ALL, DEADLINE));

        assertThat(provider.requests).hasSize(1);
        assertThat(provider.requests.get(0).prompt()).contains("render exactly");
        assertThat(made.urls()).containsOnlyKeys(PosterFormat.SQUARE);
        assertThat(store.get(ImageFileName.of(job, ImageStyle.TRENDY, ImageFormat.PNG))
                        .orElseThrow()
                        .bytes())
                .isEqualTo(picture(1024, 1536).bytes());
        assertThat(store.get(ImageFileName.art(job, ImageStyle.TRENDY, ImageFormat.PNG)))
                .isEmpty();
        assertThat(made.generator()).isEqualTo("openai:test-model");
    }

    @Test
    void without_a_provider_the_composer_draws_every_format_on_its_own_background() throws Exception {
        StylePosters made = await(posters(Optional.empty(), true, TextMode.OVERLAY)
                .draw(job, ImageStyle.SIMPLE, recommendation, ALL, DEADLINE));

        assertThat(made.urls()).containsOnlyKeys(PosterFormat.values());
        assertSizes(made);
        assertThat(made.generator()).isEqualTo(LocalImageRenderer.GENERATOR);
        for (ImageFormat format : ImageFormat.values()) {
            assertThat(store.get(ImageFileName.art(job, ImageStyle.SIMPLE, format)))
                    .isEmpty();
        }
    }

    @Test
    void an_unavailable_provider_falls_back_to_the_own_background_when_allowed() throws Exception {
        StylePosters made = await(
                posters(Optional.of(Provider.failing(ImageGenerationException.UNAVAILABLE)), true, TextMode.OVERLAY)
                        .draw(job, ImageStyle.FANCY, recommendation, ALL, DEADLINE));

        assertThat(made.generator()).isEqualTo(LocalImageRenderer.GENERATOR);
        assertSizes(made);
    }

    @Test
    void a_refusal_or_a_provider_without_fallback_fails_the_style_with_its_code() {
        assertThatThrownBy(() -> await(posters(
                                Optional.of(Provider.failing(ImageGenerationException.REJECTED)),
                                true,
                                TextMode.OVERLAY)
                        .draw(job, ImageStyle.FANCY, recommendation, ALL, DEADLINE)))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        ImageGenerationException.class,
                        e -> assertThat(e.code()).isEqualTo(ImageGenerationException.REJECTED));
        assertThatThrownBy(() -> await(posters(
                                Optional.of(Provider.failing(ImageGenerationException.UNAVAILABLE)),
                                false,
                                TextMode.OVERLAY)
                        .draw(job, ImageStyle.FANCY, recommendation, ALL, DEADLINE)))
                .cause()
                .isInstanceOfSatisfying(
                        ImageGenerationException.class,
                        e -> assertThat(e.code()).isEqualTo(ImageGenerationException.UNAVAILABLE));
    }

    @Test
    void cancelling_the_style_cancels_the_providers_call() {
        CompletableFuture<GeneratedImage> call = new CompletableFuture<>();
        Provider slow = new Provider(request -> call);

        CompletableFuture<StylePosters> style = posters(Optional.of(slow), true, TextMode.OVERLAY)
                .draw(job, ImageStyle.SIMPLE, recommendation, ALL, DEADLINE);
        style.cancel(true);

        assertThat(call).isCancelled();
    }

    @Test
    void a_reset_sets_new_words_over_the_kept_art_without_calling_the_provider() throws Exception {
        Provider provider = Provider.drawing();
        ComposePosters posters = posters(Optional.of(provider), true, TextMode.OVERLAY);
        StylePosters first = await(posters.draw(job, ImageStyle.FANCY, recommendation, ALL, DEADLINE));
        JobId edit = JobId.random();
        PosterCopy copy = PosterCopy.from(recommendation).with(EditableText.HEADLINE, "주말 한정 특가");

        StylePosters reset = await(posters.reset(job, edit, ImageStyle.FANCY, copy, Optional.empty(), ALL));

        assertThat(provider.requests).hasSize(1);
        assertThat(reset.urls()).containsOnlyKeys(PosterFormat.values());
        assertThat(reset.url(PosterFormat.PORTRAIT)).endsWith(edit + "-fancy-portrait.png");
        assertSizes(reset);
        for (PosterFormat format : PosterFormat.values()) {
            assertThat(bytes(reset.url(format))).as(format.key()).isNotEqualTo(bytes(first.url(format)));
        }
        // the same words over the same art give the same poster: the reset really starts from the kept art
        StylePosters same = await(posters.reset(
                job, JobId.random(), ImageStyle.FANCY, PosterCopy.from(recommendation), Optional.empty(), ALL));
        assertThat(bytes(same.url(PosterFormat.STORY))).isEqualTo(bytes(first.url(PosterFormat.STORY)));
    }

    private byte[] bytes(String url) {
        return store.get(new ImageFileName(url.substring(url.lastIndexOf('/') + 1)))
                .orElseThrow()
                .bytes();
    }
}
