package dev.contentservice.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the client asked for beyond the draft, in the optional body of the generate request: the SNS
 * formats (default {@code square} only), a webhook to call when the job ends, and metadata of its own
 * that travels with the job.
 */
public record JobOptions(Set<PosterFormat> formats, Optional<WebhookTarget> webhook, Optional<JobMetadata> metadata) {
    /** No body: the seed's behaviour, square only, no webhook, no metadata. */
    public static final JobOptions DEFAULT =
            new JobOptions(Set.of(PosterFormat.SQUARE), Optional.empty(), Optional.empty());

    public JobOptions {
        Objects.requireNonNull(formats, "formats must not be null");
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("formats must name at least one format");
        }
        formats = Collections.unmodifiableSet(EnumSet.copyOf(formats));
        Objects.requireNonNull(webhook, "webhook must not be null (use Optional.empty())");
        Objects.requireNonNull(metadata, "metadata must not be null (use Optional.empty())");
    }

    public JobOptions withFormats(Set<PosterFormat> value) {
        return new JobOptions(value, webhook, metadata);
    }

    public JobOptions withWebhook(WebhookTarget value) {
        return new JobOptions(formats, Optional.of(value), metadata);
    }

    public JobOptions withMetadata(JobMetadata value) {
        return new JobOptions(formats, webhook, Optional.of(value));
    }
}
