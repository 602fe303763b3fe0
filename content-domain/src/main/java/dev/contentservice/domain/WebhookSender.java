package dev.contentservice.domain;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one webhook attempt: a POST of a JSON body with the given headers. Asynchronous, so a slow
 * receiver holds no thread; a short timeout; redirects are not followed (a 3xx is an answer like any
 * other); the host's addresses are checked by the {@link WebhookAddressPolicy} right before connecting.
 */
@FunctionalInterface
public interface WebhookSender {

    /**
     * Completes with the receiver's HTTP status, or exceptionally when no answer came (refused address,
     * connection error, timeout). Never throws.
     */
    CompletableFuture<Integer> send(Request request);

    /** One attempt. */
    record Request(WebhookTarget target, Map<String, String> headers, String body) {
        public Request {
            Objects.requireNonNull(target, "target must not be null");
            headers = Map.copyOf(Objects.requireNonNull(headers, "headers must not be null"));
            Objects.requireNonNull(body, "body must not be null");
        }
    }
}
