package dev.contentservice.adapter.imagegen.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Generous waits for the generator tests: they end as soon as the answer is there, never on a clock. */
final class Waiting {
    private static final long PATIENCE_SECONDS = 10;

    private Waiting() {}

    /** The provider failure a call ended with (waiting at most 10 s for it). */
    static ImageGenerationException failureOf(CompletableFuture<GeneratedImage> future) {
        Throwable thrown = catchThrowable(() -> future.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(ImageGenerationException.class);
        return (ImageGenerationException) thrown.getCause();
    }

    /** Polls every 20 ms until the condition holds, failing after 20 s. */
    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
