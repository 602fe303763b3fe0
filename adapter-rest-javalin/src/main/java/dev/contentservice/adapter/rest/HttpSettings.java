package dev.contentservice.adapter.rest;

import java.util.List;
import java.util.Objects;

/**
 * How the HTTP server listens, what it accepts and who may call it.
 *
 * @param host the address to bind, for example {@code 0.0.0.0} (every interface) or {@code 127.0.0.1}
 * @param port the TCP port, 0 for a free one chosen at start
 * @param maxRequestBodyBytes requests with a larger body are answered with 413 PAYLOAD_TOO_LARGE
 * @param retryAfterSeconds the {@code Retry-After} given with 503, and with 202 answers and jobs in
 *     progress until recent job durations give an estimate
 * @param maxThreads the most request threads (Jetty's pool); 0 for Javalin's default. Requests that wait
 *     on a job hold none of them
 * @param apiKeys the keys accepted as {@code Authorization: Bearer <key>} on {@code /api/**}; empty = open
 * @param protectOperations whether health, metrics and {@code /openapi.yaml} require a key too (only
 *     when there are keys)
 * @param corsOrigins the origins (such as {@code https://app.example.com}) whose browsers may call the
 *     API; empty = none
 */
public record HttpSettings(
        String host,
        int port,
        long maxRequestBodyBytes,
        int retryAfterSeconds,
        int maxThreads,
        List<String> apiKeys,
        boolean protectOperations,
        List<String> corsOrigins) {
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
        if (maxThreads != 0 && (maxThreads < 8 || maxThreads > 10_000)) {
            throw new IllegalArgumentException("maxThreads must be 0 (default) or 8..10000, was " + maxThreads);
        }
        apiKeys = List.copyOf(Objects.requireNonNull(apiKeys, "apiKeys must not be null"));
        if (apiKeys.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("apiKeys must not contain an empty key");
        }
        corsOrigins = List.copyOf(Objects.requireNonNull(corsOrigins, "corsOrigins must not be null"));
    }

    /** Every interface, the given port (0 for a free one), 16 KiB bodies, {@code Retry-After: 2}, open. */
    public static HttpSettings onPort(int port) {
        return new HttpSettings(
                ALL_INTERFACES,
                port,
                DEFAULT_MAX_REQUEST_BODY_BYTES,
                DEFAULT_RETRY_AFTER_SECONDS,
                0,
                List.of(),
                false,
                List.of());
    }

    public HttpSettings withHost(String newHost) {
        return new HttpSettings(
                newHost,
                port,
                maxRequestBodyBytes,
                retryAfterSeconds,
                maxThreads,
                apiKeys,
                protectOperations,
                corsOrigins);
    }

    public HttpSettings withMaxRequestBodyBytes(long bytes) {
        return new HttpSettings(
                host, port, bytes, retryAfterSeconds, maxThreads, apiKeys, protectOperations, corsOrigins);
    }

    public HttpSettings withRetryAfterSeconds(int seconds) {
        return new HttpSettings(
                host, port, maxRequestBodyBytes, seconds, maxThreads, apiKeys, protectOperations, corsOrigins);
    }

    public HttpSettings withMaxThreads(int threads) {
        return new HttpSettings(
                host, port, maxRequestBodyBytes, retryAfterSeconds, threads, apiKeys, protectOperations, corsOrigins);
    }

    /** Requires one of {@code keys} on the API (and on the operations endpoints if {@code protectOperations}). */
    public HttpSettings withApiKeys(List<String> keys, boolean alsoOperations) {
        return new HttpSettings(
                host, port, maxRequestBodyBytes, retryAfterSeconds, maxThreads, keys, alsoOperations, corsOrigins);
    }

    public HttpSettings withCorsOrigins(List<String> origins) {
        return new HttpSettings(
                host, port, maxRequestBodyBytes, retryAfterSeconds, maxThreads, apiKeys, protectOperations, origins);
    }

    /** The keys are never shown. */
    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", maxRequestBodyBytes=" + maxRequestBodyBytes
                + ", retryAfterSeconds=" + retryAfterSeconds + ", maxThreads=" + maxThreads + ", apiKeys="
                + apiKeys.size() + " key(s), protectOperations=" + protectOperations + ", corsOrigins="
                + corsOrigins + "]";
    }
}
