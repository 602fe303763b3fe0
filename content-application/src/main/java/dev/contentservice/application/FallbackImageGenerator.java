package dev.contentservice.application;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageRequest;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks the primary generator and, only when it is unavailable or out of time ({@link
 * ImageGenerationException#UNAVAILABLE}, {@link ImageGenerationException#TIMEOUT}), the fallback. A refusal
 * ({@link ImageGenerationException#REJECTED}) or a broken answer ({@link ImageGenerationException#BAD_RESPONSE})
 * is not masked: the job fails with it. The image keeps the {@link GeneratedImage#generator()} of whoever drew
 * it, so the status says which one did. Cancelling the returned future cancels whichever generator is working.
 */
public final class FallbackImageGenerator implements ImageGenerator {
    private static final System.Logger LOG = System.getLogger(FallbackImageGenerator.class.getName());

    private final ImageGenerator primary;
    private final ImageGenerator fallback;

    public FallbackImageGenerator(ImageGenerator primary, ImageGenerator fallback) {
        this.primary = Objects.requireNonNull(primary, "primary must not be null");
        this.fallback = Objects.requireNonNull(fallback, "fallback must not be null");
    }

    @Override
    public CompletableFuture<GeneratedImage> generate(ImageRequest request) {
        CompletableFuture<GeneratedImage> result = new CompletableFuture<>();
        AtomicReference<CompletableFuture<GeneratedImage>> working = new AtomicReference<>(start(primary, request));
        result.whenComplete((image, error) -> {
            if (result.isCancelled()) {
                working.get().cancel(true);
            }
        });
        working.get().whenComplete((image, error) -> {
            if (error == null) {
                result.complete(image);
                return;
            }
            Throwable cause = Async.unwrap(error);
            if (!result.isDone() && fallsBack(cause)) {
                ImageGenerationException failure = (ImageGenerationException) cause;
                LOG.log(
                        Level.INFO,
                        "primary image generator failed for the {0} image of job {1} ({2}): drawing it with the"
                                + " fallback",
                        request.style().key(),
                        request.jobId(),
                        failure.code());
                CompletableFuture<GeneratedImage> second = start(fallback, request);
                working.set(second);
                if (result.isCancelled()) {
                    second.cancel(true);
                }
                second.whenComplete((drawn, fallbackError) -> {
                    if (fallbackError == null) {
                        result.complete(drawn);
                    } else {
                        result.completeExceptionally(Async.unwrap(fallbackError));
                    }
                });
            } else {
                result.completeExceptionally(cause);
            }
        });
        return result;
    }

    private static boolean fallsBack(Throwable failure) {
        return failure instanceof ImageGenerationException generation
                && (generation.code().equals(ImageGenerationException.UNAVAILABLE)
                        || generation.code().equals(ImageGenerationException.TIMEOUT));
    }

    /** A generator that throws instead of returning a failed future is treated the same. */
    private static CompletableFuture<GeneratedImage> start(ImageGenerator generator, ImageRequest request) {
        try {
            return Objects.requireNonNull(generator.generate(request), "generator returned no future");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
