package dev.contentservice.bootstrap.browser;

import dev.contentservice.adapter.render.LocalImageRenderer;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageRequest;
import dev.contentservice.domain.JobId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The real local renderer, except for the jobs a test scripts: the next new job can be refused (every
 * style fails as a content-policy refusal) or held (no style answers until {@link #releaseHeld()}).
 * Jobs after a scripted one are rendered normally again.
 */
final class ScriptedImageGenerator implements ImageGenerator, AutoCloseable {
    private enum Plan {
        RENDER,
        REFUSE,
        HOLD
    }

    private record Held(ImageRequest request, CompletableFuture<GeneratedImage> answer) {}

    private final LocalImageRenderer renderer = new LocalImageRenderer();
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
            renderer.generate(one.request()).whenComplete((image, failure) -> {
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
            case RENDER -> renderer.generate(request);
            case REFUSE ->
                CompletableFuture.failedFuture(
                        new ImageGenerationException(ImageGenerationException.REJECTED, "test refusal"));
            case HOLD -> {
                CompletableFuture<GeneratedImage> answer = new CompletableFuture<>();
                synchronized (held) {
                    if (planOfJob.get(request.jobId()) != Plan.HOLD) {
                        yield renderer.generate(request); // released meanwhile
                    }
                    held.add(new Held(request, answer));
                }
                yield answer;
            }
        };
    }

    @Override
    public void close() {
        renderer.close();
    }
}
