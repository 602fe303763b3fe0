package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageRequest;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.contract.Fixtures;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FallbackImageGeneratorTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    private static final GeneratedImage FROM_PROVIDER = new GeneratedImage(PNG, "image/png", "openai:gpt-image-1");
    private static final GeneratedImage FROM_LOCAL = new GeneratedImage(PNG, "image/png", "local");

    private final AtomicInteger fallbackCalls = new AtomicInteger();
    private final ImageGenerator local = request -> {
        fallbackCalls.incrementAndGet();
        return CompletableFuture.completedFuture(FROM_LOCAL);
    };

    private static ImageRequest request() {
        return ImageRequest.of(
                JobId.random(),
                ImageStyle.FANCY,
                Fixtures.recommendation(Fixtures.uniqueDraft()),
                Instant.now().plusSeconds(60));
    }

    private static ImageGenerator failingWith(String code) {
        return request -> CompletableFuture.failedFuture(new ImageGenerationException(code, "provider says no"));
    }

    @Test
    void a_working_primary_draws_and_the_fallback_is_not_asked() {
        ImageGenerator generator =
                new FallbackImageGenerator(request -> CompletableFuture.completedFuture(FROM_PROVIDER), local);

        GeneratedImage image = generator.generate(request()).join();

        assertThat(image.generator()).isEqualTo("openai:gpt-image-1");
        assertThat(fallbackCalls).hasValue(0);
    }

    @Test
    void an_unavailable_primary_is_replaced_by_the_fallback_which_signs_the_image() {
        ImageGenerator generator = new FallbackImageGenerator(failingWith(ImageGenerationException.UNAVAILABLE), local);

        GeneratedImage image = generator.generate(request()).join();

        assertThat(image.generator()).isEqualTo("local");
        assertThat(fallbackCalls).hasValue(1);
    }

    @Test
    void a_primary_out_of_time_is_replaced_by_the_fallback() {
        ImageGenerator generator = new FallbackImageGenerator(failingWith(ImageGenerationException.TIMEOUT), local);

        assertThat(generator.generate(request()).join().generator()).isEqualTo("local");
    }

    @Test
    void a_refusal_is_not_masked_by_the_fallback() {
        ImageGenerator generator = new FallbackImageGenerator(failingWith(ImageGenerationException.REJECTED), local);

        Throwable thrown = catchThrowable(() -> generator.generate(request()).get());

        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(((ImageGenerationException) thrown.getCause()).code()).isEqualTo(ImageGenerationException.REJECTED);
        assertThat(fallbackCalls).hasValue(0);
    }

    @Test
    void a_bad_response_is_not_masked_by_the_fallback() {
        ImageGenerator generator =
                new FallbackImageGenerator(failingWith(ImageGenerationException.BAD_RESPONSE), local);

        Throwable thrown = catchThrowable(() -> generator.generate(request()).get());

        assertThat(((ImageGenerationException) thrown.getCause()).code())
                .isEqualTo(ImageGenerationException.BAD_RESPONSE);
        assertThat(fallbackCalls).hasValue(0);
    }

    @Test
    void when_the_fallback_fails_too_its_failure_is_reported() {
        ImageGenerator generator = new FallbackImageGenerator(
                failingWith(ImageGenerationException.UNAVAILABLE), failingWith(ImageGenerationException.INTERNAL));

        Throwable thrown = catchThrowable(() -> generator.generate(request()).get());

        assertThat(((ImageGenerationException) thrown.getCause()).code()).isEqualTo(ImageGenerationException.INTERNAL);
    }

    @Test
    void a_primary_that_throws_instead_of_failing_its_future_is_handled_alike() {
        ImageGenerator throwing = request -> {
            throw new ImageGenerationException(ImageGenerationException.UNAVAILABLE, "down");
        };
        ImageGenerator generator = new FallbackImageGenerator(throwing, local);

        assertThat(generator.generate(request()).join().generator()).isEqualTo("local");
    }

    @Test
    void cancelling_the_result_cancels_the_primary_at_work() {
        CompletableFuture<GeneratedImage> pending = new CompletableFuture<>();
        ImageGenerator generator = new FallbackImageGenerator(request -> pending, local);

        generator.generate(request()).cancel(true);

        assertThat(pending).isCancelled();
        assertThat(fallbackCalls).hasValue(0);
    }
}
