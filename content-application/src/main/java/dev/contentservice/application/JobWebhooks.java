package dev.contentservice.application;

import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobOptions;
import dev.contentservice.domain.WebhooksDisabledException;

/**
 * The webhooks of jobs, as the use cases see them: whether a requested webhook is acceptable, the
 * delivery a new job owes, and the hint that a job ended. {@link WebhookDispatcher} is the real one.
 */
public interface JobWebhooks {

    /** Webhooks are not offered: any request naming one is refused. */
    JobWebhooks NONE = new JobWebhooks() {
        @Override
        public void check(JobOptions options) {
            if (options.webhook().isPresent()) {
                throw new WebhooksDisabledException();
            }
        }

        @Override
        public void owe(Job job) {
            throw new WebhooksDisabledException();
        }

        @Override
        public void notOwed(JobId jobId) {}

        @Override
        public void jobEnded(JobId jobId) {}
    };

    /**
     * Refuses a requested webhook that may not be called.
     *
     * @throws WebhooksDisabledException when no signing secret is configured (CONTENT_009)
     * @throws dev.contentservice.domain.WebhookRefusedException when its address is not public (CONTENT_008)
     */
    void check(JobOptions options);

    /** Records the delivery a job with a webhook owes, before the job is stored. */
    void owe(Job job);

    /** The job was not stored after all (its draft had another in flight): it owes nothing. */
    void notOwed(JobId jobId);

    /** A hint that the job ended: its webhook may go now. */
    void jobEnded(JobId jobId);
}
