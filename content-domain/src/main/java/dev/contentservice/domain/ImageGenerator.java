package dev.contentservice.domain;

import java.util.concurrent.CompletableFuture;

/**
 * Draws one image. Asynchronous so that a waiting call holds no thread: the future completes with the
 * image, or exceptionally with an {@link ImageGenerationException} that carries a stable code. An
 * implementation may be called concurrently (the three styles of a job run in parallel).
 */
@FunctionalInterface
public interface ImageGenerator {
    CompletableFuture<GeneratedImage> generate(ImageRequest request);
}
