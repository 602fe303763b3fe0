package dev.contentservice.domain;

/**
 * A webhook URL that may not be called: its host is or resolves to a loopback, private, link-local or
 * metadata address, or does not resolve at all. Answered with 400 CONTENT_008 at request time; at
 * delivery time the attempt fails.
 */
public final class WebhookRefusedException extends ContentException {
    public static final String CODE = "CONTENT_008";

    public WebhookRefusedException(String reason) {
        super(CODE, reason);
    }
}
