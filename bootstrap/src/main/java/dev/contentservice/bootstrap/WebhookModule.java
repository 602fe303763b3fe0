package dev.contentservice.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.contentservice.adapter.rest.WebhookPayloadWriter;
import dev.contentservice.adapter.webhook.OkHttpWebhookSender;
import dev.contentservice.application.ImageGenerationWorker;
import dev.contentservice.application.JobWebhooks;
import dev.contentservice.application.ReadJobStatus;
import dev.contentservice.application.StopEndedJobs;
import dev.contentservice.application.WebhookDispatcher;
import dev.contentservice.application.WebhookSettings;
import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.JobRepository;
import dev.contentservice.domain.WebhookAddressPolicy;
import dev.contentservice.domain.WebhookOutbox;
import dev.contentservice.domain.WebhookSender;
import java.time.Clock;

/** Webhooks (signed, from the store's outbox, sent with OkHttp) and the stop of canceled jobs. */
final class WebhookModule extends AbstractModule {
    private final WebhookConfig config;

    WebhookModule(ContentConfig config) {
        this.config = config.webhooks();
    }

    @Provides
    @Singleton
    WebhookAddressPolicy webhookAddressPolicy() {
        return config.allowPrivate() ? WebhookAddressPolicy.allowingPrivate() : WebhookAddressPolicy.publicOnly();
    }

    @Provides
    @Singleton
    WebhookSettings webhookSettings(WebhookAddressPolicy addresses) {
        return WebhookSettings.defaults(config.signer(), addresses).withLease(config.lease());
    }

    @Provides
    @Singleton
    OkHttpWebhookSender okHttpWebhookSender(WebhookAddressPolicy addresses, WebhookSettings settings) {
        return new OkHttpWebhookSender(addresses, config.timeout(), settings.maxInFlight());
    }

    @Provides
    @Singleton
    WebhookSender webhookSender(OkHttpWebhookSender sender) {
        return sender;
    }

    @Provides
    @Singleton
    WebhookDispatcher webhookDispatcher(
            WebhookOutbox outbox,
            WebhookSender sender,
            ReadJobStatus statuses,
            JobChanges changes,
            Clock clock,
            WebhookSettings settings) {
        return new WebhookDispatcher(outbox, sender, statuses, changes, new WebhookPayloadWriter(), clock, settings);
    }

    @Provides
    @Singleton
    JobWebhooks jobWebhooks(WebhookDispatcher dispatcher) {
        return dispatcher;
    }

    @Provides
    @Singleton
    StopEndedJobs stopEndedJobs(JobChanges changes, JobRepository jobs, ImageGenerationWorker worker) {
        return new StopEndedJobs(changes, jobs, worker);
    }
}
