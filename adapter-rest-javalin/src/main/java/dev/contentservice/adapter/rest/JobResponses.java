package dev.contentservice.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.contentservice.application.JobStatusView;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobType;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.PublicReason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON bodies of the two job endpoints, field for field as the seed shows them. */
final class JobResponses {
    static final String IN_PROGRESS_MESSAGE = "이미지 생성 중입니다";
    static final String FAILED_ERROR = "이미지 생성 실패";
    static final String FAILED_MESSAGE = "다시 시도해주세요";

    private JobResponses() {}

    /**
     * 202 to a generation request (the new job, or the draft's job already in flight) or to an edit. Every
     * body below names the job's {@code type} only when it is not the seed's {@code IMAGE_GEN}, so that the
     * seed's bodies stay byte for byte.
     */
    record Accepted(
            String jobId,
            String status,
            String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) String type) {}

    /** PENDING and PROCESSING, both reported as PROCESSING; with the styles already drawn. */
    record InProgress(
            String jobId,
            String status,
            String message,
            Progress progress,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode metadata,
            @JsonInclude(JsonInclude.Include.NON_NULL) String type) {}

    record Progress(List<String> done, int total) {}

    /** A server-sent event: one more style is drawn. */
    record StyleDone(String jobId, String status, String style, Progress progress) {}

    record Completed(
            String jobId,
            String status,
            Map<String, String> imageUrls,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<String, String>> formats,
            String generator,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode metadata,
            @JsonInclude(JsonInclude.Include.NON_NULL) String type) {}

    record Failed(
            String jobId,
            String status,
            String error,
            String message,
            Reason reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode metadata,
            @JsonInclude(JsonInclude.Include.NON_NULL) String type) {}

    /** A webhook's body: the event type, when it happened, and the job's status body. */
    record WebhookEvent(String type, String timestamp, Object data) {}

    /** The machine code and the fixed Korean sentence for it; the stored detail stays in the log and store. */
    record Reason(String code, String detail) {}

    static Accepted accepted(Job job) {
        return new Accepted(job.id().toString(), job.status().name(), IN_PROGRESS_MESSAGE, typeOf(job));
    }

    /** The job's type for a body: absent (null) for the seed's {@code IMAGE_GEN}. */
    static String typeOf(Job job) {
        return job.type() == JobType.IMAGE_GEN ? null : job.type().name();
    }

    static Object status(JobStatusView view) {
        String jobId = view.job().id().toString();
        JsonNode metadata = GenerateBody.tree(view.job().options().metadata()).orElse(null);
        String type = typeOf(view.job());
        if (view instanceof JobStatusView.Completed completed) {
            Map<String, String> urls = new LinkedHashMap<>();
            for (ImageStyle style : ImageStyle.values()) {
                urls.put(style.key(), completed.images().url(style));
            }
            Map<String, Map<String, String>> formats = new LinkedHashMap<>();
            for (PosterFormat format : PosterFormat.values()) {
                ImageSet set = completed.formats().get(format);
                if (set != null) {
                    Map<String, String> byStyle = new LinkedHashMap<>();
                    for (ImageStyle style : ImageStyle.values()) {
                        byStyle.put(style.key(), set.url(style));
                    }
                    formats.put(format.key(), byStyle);
                }
            }
            return new Completed(
                    jobId,
                    "COMPLETED",
                    urls,
                    formats,
                    completed.job().generator().orElse("unknown"),
                    metadata,
                    type);
        }
        if (view instanceof JobStatusView.Failed failed) {
            PublicReason why = PublicReason.of(failed.failure());
            return new Failed(
                    jobId,
                    "FAILED",
                    FAILED_ERROR,
                    FAILED_MESSAGE,
                    new Reason(why.code(), why.sentence()),
                    metadata,
                    type);
        }
        return new InProgress(
                jobId, "PROCESSING", IN_PROGRESS_MESSAGE, progress(view.job().stylesDone()), metadata, type);
    }

    static Progress progress(Set<ImageStyle> done) {
        return new Progress(done.stream().sorted().map(ImageStyle::key).toList(), ImageStyle.values().length);
    }
}
