package dev.contentservice.adapter.rest;

import java.time.Duration;

/** Told about every answered request; bootstrap records it as a metric. */
@FunctionalInterface
public interface RequestMetrics {
    /** Records nothing. */
    RequestMetrics NONE = (method, route, status, took) -> {};

    /**
     * @param method the HTTP method
     * @param route the route template (such as {@code /api/content/jobs/{jobId}/status}), {@code static}
     *     for the page's files, or {@code unmatched}; never a raw path or id
     * @param status the answer's status
     */
    void requestFinished(String method, String route, int status, Duration took);
}
