package dev.contentservice.bootstrap.browser;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageRequest;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;

/**
 * An AI provider that draws each style's art (a two-colour gradient without letters, 1024×1536 as an
 * image model's portrait size, so that every format is cropped from it), except for the jobs a test scripts:
 * the next new job can be refused (every style fails as a content-policy refusal) or held (no style answers
 * until {@link #releaseHeld()}). Jobs after a scripted one are drawn normally again.
 */
final class ScriptedImageGenerator implements ImageGenerator, AutoCloseable {
    private enum Plan {
        RENDER,
        REFUSE,
        HOLD
    }

    private record Held(ImageRequest request, CompletableFuture<GeneratedImage> answer) {}

    static final String GENERATOR = "scripted-art";
    private static final int ART_WIDTH = 1024;
    private static final int ART_HEIGHT = 1536;

    private final ExecutorService drawing = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "scripted-art");
        thread.setDaemon(true);
        return thread;
    });
    private final Queue<Plan> nextJobs = new ConcurrentLinkedQueue<>();
    private final Map<JobId, Plan> planOfJob = new ConcurrentHashMap<>();
    private final List<Held> held = new ArrayList<>();

    /** Every style of the next job that arrives fails with a refusal that is not worth retrying. */
    void refuseNextJob() {
        nextJobs.add(Plan.REFUSE);
    }

    /** No style of the next job that arrives answers until {@link #releaseHeld()}. */
    void holdNextJob() {
        nextJobs.add(Plan.HOLD);
    }

    /**
     * Renders what was held, and lets every later call of the held jobs render too, so that a held job
     * completes even when some of its styles had not asked yet.
     */
    void releaseHeld() {
        List<Held> released;
        synchronized (held) {
            planOfJob.replaceAll((job, plan) -> plan == Plan.HOLD ? Plan.RENDER : plan);
            released = new ArrayList<>(held);
            held.clear();
        }
        for (Held one : released) {
            draw(one.request()).whenComplete((image, failure) -> {
                if (failure != null) {
                    one.answer().completeExceptionally(failure);
                } else {
                    one.answer().complete(image);
                }
            });
        }
    }

    /** Forgets scripted plans no job took and lets held jobs finish: every test starts from plain rendering. */
    void reset() {
        nextJobs.clear();
        releaseHeld();
    }

    @Override
    public CompletableFuture<GeneratedImage> generate(ImageRequest request) {
        Plan plan = planOfJob.computeIfAbsent(
                request.jobId(), job -> Optional.ofNullable(nextJobs.poll()).orElse(Plan.RENDER));
        return switch (plan) {
            case RENDER -> draw(request);
            case REFUSE ->
                CompletableFuture.failedFuture(
                        new ImageGenerationException(ImageGenerationException.REJECTED, "test refusal"));
            case HOLD -> {
                CompletableFuture<GeneratedImage> answer = new CompletableFuture<>();
                synchronized (held) {
                    if (planOfJob.get(request.jobId()) != Plan.HOLD) {
                        yield draw(request); // released meanwhile
                    }
                    held.add(new Held(request, answer));
                }
                yield answer;
            }
        };
    }

    private CompletableFuture<GeneratedImage> draw(ImageRequest request) {
        return CompletableFuture.supplyAsync(
                () -> new GeneratedImage(art(request.style()), "image/png", GENERATOR), drawing);
    }

    private static byte[] art(ImageStyle style) {
        Color[] colours = switch (style) {
            case SIMPLE -> new Color[] {new Color(0xF4EFE6), new Color(0xD9E4DD)};
            case FANCY -> new Color[] {new Color(0x6D28D9), new Color(0xF472B6)};
            case TRENDY -> new Color[] {new Color(0x0EA5E9), new Color(0xFACC15)};
        };
        BufferedImage image = new BufferedImage(ART_WIDTH, ART_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, colours[0], ART_WIDTH, ART_HEIGHT, colours[1]));
            g.fillRect(0, 0, ART_WIDTH, ART_HEIGHT);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    @Override
    public void close() {
        drawing.shutdownNow();
    }
}
