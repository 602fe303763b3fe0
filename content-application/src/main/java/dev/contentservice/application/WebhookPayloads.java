package dev.contentservice.application;

/**
 * Writes a webhook's body: {@code {"type":"job.completed"|"job.failed","timestamp":…,"data":<the job's
 * status body>}}. The status body is the REST adapter's, so it implements this.
 */
@FunctionalInterface
public interface WebhookPayloads {
    /** The body for a job that ended (a {@link JobStatusView.Completed} or {@link JobStatusView.Failed}). */
    String payload(JobStatusView ended);
}
