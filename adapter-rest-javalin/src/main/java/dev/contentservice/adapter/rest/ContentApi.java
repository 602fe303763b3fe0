package dev.contentservice.adapter.rest;

import dev.contentservice.application.AwaitJobStatus;
import dev.contentservice.application.CancelJob;
import dev.contentservice.application.JobDurationEstimator;
import dev.contentservice.application.JobStatusView;
import dev.contentservice.application.ReadJobStatus;
import dev.contentservice.application.RequestImageEdit;
import dev.contentservice.application.RequestImageGeneration;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobNotFoundException;
import dev.contentservice.domain.JobOptions;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The seed's two endpoints, the hosted image files, and the ways to wait on a job instead of polling
 * blindly: the status with {@code ?wait=N} or {@code Prefer: wait=N} (a long-poll that holds no thread),
 * and the job's server-sent events.
 */
final class ContentApi {
    static final String GENERATE_PATH = "/api/content/images/{eventDraftId}/generate";
    static final String EDITS_PATH = "/api/content/images/{eventDraftId}/edits";
    static final String STATUS_PATH = "/api/content/jobs/{jobId}/status";
    static final String JOB_PATH = "/api/content/jobs/{jobId}";
    static final String EVENTS_PATH = "/api/content/jobs/{jobId}/events";
    static final String IMAGE_FILE_PATH = ContentHttpServer.IMAGE_FILES_PATH + "{name}";

    /** The images' names are unique per job and their bytes never change: cache them as long as they live. */
    private static final String IMMUTABLE_CACHE = "public, max-age=" + ImageSet.TTL.toSeconds() + ", immutable";

    private final RequestImageGeneration requests;
    private final ReadJobStatus statuses;
    private final AwaitJobStatus awaits;
    private final JobDurationEstimator estimates;
    private final ImageStore images;
    private final int retryAfterWhenUnknown;
    private final Optional<CancelJob> cancels;
    private final Optional<RequestImageEdit> edits;

    /**
     * @param retryAfterWhenUnknown the {@code Retry-After} while no job completed yet to estimate from
     * @param cancels answers {@code DELETE …/jobs/{jobId}}; without it that route is absent
     * @param edits accepts the owner's edits ({@code POST …/edits}); without it that route is absent
     */
    ContentApi(
            RequestImageGeneration requests,
            ReadJobStatus statuses,
            AwaitJobStatus awaits,
            JobDurationEstimator estimates,
            ImageStore images,
            int retryAfterWhenUnknown,
            Optional<CancelJob> cancels,
            Optional<RequestImageEdit> edits) {
        this.edits = Objects.requireNonNull(edits, "edits");
        this.cancels = Objects.requireNonNull(cancels, "cancels");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.awaits = Objects.requireNonNull(awaits, "awaits");
        this.estimates = Objects.requireNonNull(estimates, "estimates");
        this.images = Objects.requireNonNull(images, "images");
        this.retryAfterWhenUnknown = retryAfterWhenUnknown;
    }

    private String retryAfter(Job job) {
        return Integer.toString(estimates.retryAfterSeconds(job, retryAfterWhenUnknown));
    }

    static String statusLocation(Job job) {
        return "/api/content/jobs/" + job.id() + "/status";
    }

    void generate(Context ctx) {
        EventDraftId draft = EventDraftId.of(ctx.pathParam("eventDraftId"));
        // the seed's POST has no body: reading none spares Javalin's read buffer (about 18 KB per request)
        JobOptions options = hasNoBody(ctx) ? JobOptions.DEFAULT : GenerateBody.parse(ContentHttpServer.body(ctx));

        Job job = requests.request(draft, options).job();

        ctx.header("Location", statusLocation(job));
        ctx.header("Retry-After", retryAfter(job));
        json(ctx.status(202), JobResponses.accepted(job));
    }

    /**
     * An HTTP/1.1 request with neither {@code Content-Length} nor {@code Transfer-Encoding} has no body (RFC
     * 9112, 6.3), as has one whose length is 0; Jetty reports the first as length -1.
     */
    static boolean hasNoBody(Context ctx) {
        int length = ctx.contentLength();
        return length == 0 || (length < 0 && ctx.header("Transfer-Encoding") == null);
    }

    /**
     * The owner's edit of one style (issue 13, item 4): 202 with an {@code IMAGE_EDIT} job that the status,
     * long-poll and events follow like a generation's.
     */
    void edit(Context ctx) {
        RequestImageEdit accept = edits.orElseThrow(() -> new HttpProblem(ApiError.METHOD_NOT_ALLOWED));
        EventDraftId draft = EventDraftId.of(ctx.pathParam("eventDraftId"));
        ImageEdit edit = ImageEditRequest.parse(ContentHttpServer.body(ctx));

        Job job = accept.request(draft, edit);

        ctx.header("Location", statusLocation(job));
        ctx.header("Retry-After", retryAfter(job));
        json(ctx.status(202), JobResponses.accepted(job));
    }

    boolean edits() {
        return edits.isPresent();
    }

    /**
     * Without a wait, answers at once exactly as the seed does. With one, answers as soon as the job is
     * COMPLETED or FAILED, or with its current status when the wait is over, holding no thread meanwhile.
     */
    void status(Context ctx) {
        String rawJobId = ctx.pathParam("jobId");
        Optional<WaitRequest> wait = WaitRequest.of(ctx);
        if (wait.isEmpty()) {
            writeStatus(ctx, statuses.read(rawJobId));
            return;
        }
        if (wait.get().fromPrefer()) {
            ctx.header("Preference-Applied", "wait=" + wait.get().seconds());
        }
        Duration waitFor = Duration.ofSeconds(wait.get().seconds());
        ctx.future(() -> awaits.await(rawJobId, waitFor).thenAccept(view -> writeStatus(ctx, view)));
    }

    /** Cancels a PENDING or PROCESSING job: 200 with its FAILED status (reason {@code JOB_CANCELED}). */
    void cancel(Context ctx) {
        CancelJob cancel = cancels.orElseThrow(() -> new HttpProblem(ApiError.METHOD_NOT_ALLOWED));
        JobStatusView canceled = cancel.cancel(ctx.pathParam("jobId"));
        json(ctx.status(200), JobResponses.status(canceled));
    }

    boolean cancels() {
        return cancels.isPresent();
    }

    private void writeStatus(Context ctx, JobStatusView view) {
        if (view instanceof JobStatusView.InProgress) {
            ctx.header("Retry-After", retryAfter(view.job()));
        }
        json(ctx.status(200), JobResponses.status(view));
    }

    /**
     * Server-sent events of one job until it ends. A missing or malformed job, or a store that does not
     * answer, is refused with the usual JSON error before any stream starts.
     */
    void events(Context ctx) throws IOException {
        String rawJobId = ctx.pathParam("jobId");
        JobId id = JobId.parse(rawJobId).orElseThrow(() -> new JobNotFoundException(rawJobId));
        JobStatusView current = statuses.read(id);

        ctx.status(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Accel-Buffering", "no"); // proxies such as nginx must not buffer the stream
        if (HandlerType.HEAD.equals(ctx.method())) {
            return;
        }
        JobEventStream stream = new JobEventStream(ctx.res().getOutputStream());
        stream.offer(current);
        if (!stream.done().isDone()) {
            AwaitJobStatus.Watch watch = awaits.watch(id, stream::offer, stream::gone);
            stream.done().whenComplete((ignored, error) -> watch.close());
        }
        ctx.future(stream::done);
    }

    void imageFile(Context ctx) {
        ImageFileName name =
                ImageFileName.parse(ctx.pathParam("name")).orElseThrow(() -> new HttpProblem(ApiError.IMAGE_NOT_FOUND));
        ImageStore.StoredImage image = images.get(name).orElseThrow(() -> new HttpProblem(ApiError.IMAGE_NOT_FOUND));

        byte[] bytes = image.bytes();
        ctx.status(200);
        ctx.contentType(image.mediaType());
        ctx.header("Cache-Control", IMMUTABLE_CACHE);
        ctx.header("ETag", "\"" + name.value() + "\"");
        ctx.header("Content-Length", Integer.toString(bytes.length));
        if (!HandlerType.HEAD.equals(ctx.method())) {
            ctx.result(bytes);
        }
    }

    static void json(Context ctx, Object body) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(Json.MEDIA_TYPE).result(Json.bytes(body));
    }
}
