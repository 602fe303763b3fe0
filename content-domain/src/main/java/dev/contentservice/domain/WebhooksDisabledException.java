package dev.contentservice.domain;

/**
 * A request named a webhook while no signing secret is configured: unsigned webhooks are not offered.
 * Answered with 400 CONTENT_009.
 */
public final class WebhooksDisabledException extends ContentException {
    public static final String CODE = "CONTENT_009";

    public WebhooksDisabledException() {
        super(CODE, "webhooks are not enabled: no signing secret is configured");
    }
}
