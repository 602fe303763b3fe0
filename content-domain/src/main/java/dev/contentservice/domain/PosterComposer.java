package dev.contentservice.domain;

import java.util.concurrent.CompletableFuture;

/**
 * Sets a poster's Korean typography, over the provider's art or over a background of its own, at one of
 * the {@link PosterFormat}s. The same code sets the text of every poster, so an edit re-sets it from the
 * kept art without calling the provider again. Asynchronous like {@link ImageGenerator}: the future
 * completes with a PNG of exactly the format's size, or exceptionally with an {@link
 * ImageGenerationException} (for example {@link ImageGenerationException#BAD_RESPONSE} when the art is
 * not a picture it can read). May be called concurrently.
 */
@FunctionalInterface
public interface PosterComposer {
    CompletableFuture<GeneratedImage> compose(PosterRequest request);
}
