package dev.contentservice.adapter.rest;

import java.util.Objects;

/**
 * How the HTTP server listens and what it accepts.
 *
 * @param host the address to bind, for example {@code 0.0.0.0} (every interface) or {@code 127.0.0.1}
 * @param port the TCP port, 0 for a free one chosen at start
 * @param maxRequestBodyBytes requests with a larger body are answered with 413 PAYLOAD_TOO_LARGE
 * @param retryAfterSeconds the {@code Retry-After} given with 202 answers, jobs in progress and 503
 */
public record HttpSettings(String host, int port, long maxRequestBodyBytes, int retryAfterSeconds) {
    public static final String ALL_INTERFACES = "0.0.0.0";
    public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 16 * 1024;
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 2;

    public HttpSettings {
        Objects.requireNonNull(host, "host must not be null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (maxRequestBodyBytes < 1) {
            throw new IllegalArgumentException("maxRequestBodyBytes must be >= 1, was " + maxRequestBodyBytes);
        }
        if (retryAfterSeconds < 1 || retryAfterSeconds > 3_600) {
            throw new IllegalArgumentException(
                    "retryAfterSeconds must be between 1 and 3600, was " + retryAfterSeconds);
        }
    }

    /** Every interface, the given port (0 for a free one), 16 KiB bodies, {@code Retry-After: 2}. */
    public static HttpSettings onPort(int port) {
        return new HttpSettings(ALL_INTERFACES, port, DEFAULT_MAX_REQUEST_BODY_BYTES, DEFAULT_RETRY_AFTER_SECONDS);
    }

    public HttpSettings withHost(String newHost) {
        return new HttpSettings(newHost, port, maxRequestBodyBytes, retryAfterSeconds);
    }

    public HttpSettings withMaxRequestBodyBytes(long bytes) {
        return new HttpSettings(host, port, bytes, retryAfterSeconds);
    }

    public HttpSettings withRetryAfterSeconds(int seconds) {
        return new HttpSettings(host, port, maxRequestBodyBytes, seconds);
    }
}
