package dev.contentservice.adapter.rest;

import dev.contentservice.application.JobStatusView;
import dev.contentservice.application.WebhookPayloads;
import java.nio.charset.StandardCharsets;

/**
 * The webhook bodies: {@code {"type":"job.completed"|"job.failed","timestamp":"<ISO-8601>","data":<the
 * status body>}}, where the status body is exactly what {@code GET …/status} answers (metadata included)
 * and the timestamp is when the job ended.
 */
public final class WebhookPayloadWriter implements WebhookPayloads {
    @Override
    public String payload(JobStatusView ended) {
        String type = ended instanceof JobStatusView.Completed ? "job.completed" : "job.failed";
        JobResponses.WebhookEvent event =
                new JobResponses.WebhookEvent(type, ended.job().updatedAt().toString(), JobResponses.status(ended));
        return new String(Json.bytes(event), StandardCharsets.UTF_8);
    }
}
