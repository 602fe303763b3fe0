package dev.contentservice.adapter.rest;

import dev.contentservice.application.JobStatusView;
import dev.contentservice.application.ReadJobStatus;
import dev.contentservice.application.RequestImageGeneration;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.Job;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Objects;

/** The seed's two endpoints and the hosted image files. */
final class ContentApi {
    static final String GENERATE_PATH = "/api/content/images/{eventDraftId}/generate";
    static final String STATUS_PATH = "/api/content/jobs/{jobId}/status";
    static final String IMAGE_FILE_PATH = "/api/content/images/files/{name}";

    /** The images' names are unique per job and their bytes never change: cache them as long as they live. */
    private static final String IMMUTABLE_CACHE = "public, max-age=" + ImageSet.TTL.toSeconds() + ", immutable";

    private final RequestImageGeneration requests;
    private final ReadJobStatus statuses;
    private final ImageStore images;
    private final String retryAfter;

    ContentApi(RequestImageGeneration requests, ReadJobStatus statuses, ImageStore images, int retryAfterSeconds) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.images = Objects.requireNonNull(images, "images");
        this.retryAfter = Integer.toString(retryAfterSeconds);
    }

    static String statusLocation(Job job) {
        return "/api/content/jobs/" + job.id() + "/status";
    }

    void generate(Context ctx) {
        EventDraftId draft = EventDraftId.of(ctx.pathParam("eventDraftId"));

        Job job = requests.request(draft).job();

        ctx.header("Location", statusLocation(job));
        ctx.header("Retry-After", retryAfter);
        json(ctx.status(202), JobResponses.accepted(job));
    }

    void status(Context ctx) {
        JobStatusView view = statuses.read(ctx.pathParam("jobId"));

        if (view instanceof JobStatusView.InProgress) {
            ctx.header("Retry-After", retryAfter);
        }
        json(ctx.status(200), JobResponses.status(view));
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
