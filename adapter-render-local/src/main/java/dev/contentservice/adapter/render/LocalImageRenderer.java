package dev.contentservice.adapter.render;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageRequest;
import dev.contentservice.domain.PosterComposer;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.PosterRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Draws posters with Java2D and the bundled fonts, without any network. As an {@link ImageGenerator} it
 * draws the three styles of a job as 1080×1080 PNG posters on backgrounds of its own; as a {@link
 * PosterComposer} it sets the same typography at any {@link PosterFormat}, over the provider's art when
 * the request carries it. Drawing runs on the renderer's executor, never on the caller's thread; the same
 * request draws the same image.
 */
public final class LocalImageRenderer implements ImageGenerator, PosterComposer, AutoCloseable {
    /** The generator name stored with every image drawn here. */
    public static final String GENERATOR = "local";

    static final String MEDIA_TYPE = "image/png";

    private final Executor executor;
    private final Optional<ExecutorService> ownPool;
    private final Drawing drawing;

    /**
     * Draws on a small pool of its own: one daemon thread per CPU, idle threads released. Its queue has no
     * bound of its own: what waits in it is bounded by the jobs the worker holds at once
     * ({@code CONTENT_WORKER_MAX_JOBS} × 3 styles × the formats asked), and a bounded queue failed jobs of a
     * burst with {@code IMAGEGEN_INTERNAL} that would have been drawn a moment later. A queued drawing whose
     * job ended (deadline, cancel) is skipped when its turn comes.
     */
    public LocalImageRenderer() {
        this(newPool(Runtime.getRuntime().availableProcessors()), true);
    }

    /** Draws on the given executor, which the caller owns (and shuts down). */
    public LocalImageRenderer(Executor executor) {
        this(executor, false);
    }

    private LocalImageRenderer(Executor executor, boolean owned) {
        this(executor, owned ? Optional.of((ExecutorService) executor) : Optional.empty(), defaultDrawing());
    }

    LocalImageRenderer(Executor executor, Optional<ExecutorService> ownPool, Drawing drawing) {
        this.executor = Objects.requireNonNull(executor, "executor must not be null");
        this.ownPool = Objects.requireNonNull(ownPool, "ownPool must not be null");
        this.drawing = Objects.requireNonNull(drawing, "drawing must not be null");
    }

    /** The job's style as a square poster on the renderer's own background: the seed's image. */
    @Override
    public CompletableFuture<GeneratedImage> generate(ImageRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        return compose(
                PosterRequest.of(request.jobId(), request.style(), PosterFormat.SQUARE, request.recommendation()));
    }

    @Override
    public CompletableFuture<GeneratedImage> compose(PosterRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        CompletableFuture<GeneratedImage> result = new CompletableFuture<>();
        try {
            executor.execute(() -> render(request, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ImageGenerationException(
                    ImageGenerationException.INTERNAL, "local renderer is busy or shut down", e));
        }
        return result;
    }

    private void render(PosterRequest request, CompletableFuture<GeneratedImage> result) {
        if (result.isDone()) {
            return; // cancelled while queued
        }
        try {
            result.complete(new GeneratedImage(drawing.png(request), MEDIA_TYPE, GENERATOR));
        } catch (Posters.UnreadableArtException e) {
            result.completeExceptionally(new ImageGenerationException(
                    ImageGenerationException.BAD_RESPONSE,
                    "the art of the " + request.style().key() + " poster is not a picture: " + e.getMessage(),
                    e));
        } catch (Exception | LinkageError e) {
            result.completeExceptionally(new ImageGenerationException(
                    ImageGenerationException.INTERNAL,
                    "local renderer failed to draw the " + request.style().key() + " "
                            + request.format().key() + " poster",
                    e));
        }
    }

    /** Stops the renderer's own pool, if it made one; an executor passed in is left to its owner. */
    @Override
    public void close() {
        ownPool.ifPresent(ExecutorService::shutdown);
    }

    /** Draws one request as PNG bytes; replaceable in tests. */
    @FunctionalInterface
    interface Drawing {
        byte[] png(PosterRequest request) throws Exception;
    }

    private static Drawing defaultDrawing() {
        PngEncoder encoder = new PngEncoder();
        return request -> encoder.encode(new Posters(BundledFonts.get()).draw(request));
    }

    static ExecutorService newPool(int cpus) {
        int threads = Math.max(1, cpus);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "local-render-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
