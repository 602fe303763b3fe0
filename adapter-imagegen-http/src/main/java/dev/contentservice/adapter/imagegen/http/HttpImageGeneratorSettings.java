package dev.contentservice.adapter.imagegen.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link HttpImageGenerator} needs, split like the generator: the {@link ProviderSettings provider}
 * (what the protocol sends) and the resilient client's parts ({@link Timeouts}, {@link Retries}, {@link
 * Breaker}, {@link Limits}, {@link Polling}). Each part is a small validated record with plain withers; bootstrap
 * builds the whole once from the configuration. {@link #toString()} never shows the API key.
 *
 * @param deadlineMargin the generator gives up this long before the job deadline, leaving a fallback time
 */
public record HttpImageGeneratorSettings(
        ProviderSettings provider,
        Timeouts timeouts,
        Retries retries,
        Breaker breaker,
        Limits limits,
        Polling polling,
        Duration deadlineMargin) {

    public static final Duration DEFAULT_DEADLINE_MARGIN = Duration.ofSeconds(2);

    public HttpImageGeneratorSettings {
        Objects.requireNonNull(provider, "provider must not be null");
        Objects.requireNonNull(timeouts, "timeouts must not be null");
        Objects.requireNonNull(retries, "retries must not be null");
        Objects.requireNonNull(breaker, "breaker must not be null");
        Objects.requireNonNull(limits, "limits must not be null");
        Objects.requireNonNull(polling, "polling must not be null");
        Objects.requireNonNull(deadlineMargin, "deadlineMargin must not be null");
        if (deadlineMargin.isNegative()) {
            throw new IllegalArgumentException("deadlineMargin must not be negative");
        }
    }

    /** The service's defaults for an OpenAI-compatible provider at {@code baseUrl}. */
    public static HttpImageGeneratorSettings of(URI baseUrl, Optional<String> apiKey) {
        return of(ProviderSettings.openAi(baseUrl, apiKey));
    }

    /** The service's defaults for {@code provider}. */
    public static HttpImageGeneratorSettings of(ProviderSettings provider) {
        return new HttpImageGeneratorSettings(
                provider,
                Timeouts.DEFAULTS,
                Retries.DEFAULTS,
                Breaker.DEFAULTS,
                Limits.DEFAULTS,
                Polling.DEFAULTS,
                DEFAULT_DEADLINE_MARGIN);
    }

    public HttpImageGeneratorSettings withProvider(ProviderSettings value) {
        return new HttpImageGeneratorSettings(value, timeouts, retries, breaker, limits, polling, deadlineMargin);
    }

    public HttpImageGeneratorSettings withTimeouts(Timeouts value) {
        return new HttpImageGeneratorSettings(provider, value, retries, breaker, limits, polling, deadlineMargin);
    }

    public HttpImageGeneratorSettings withRetries(Retries value) {
        return new HttpImageGeneratorSettings(provider, timeouts, value, breaker, limits, polling, deadlineMargin);
    }

    public HttpImageGeneratorSettings withBreaker(Breaker value) {
        return new HttpImageGeneratorSettings(provider, timeouts, retries, value, limits, polling, deadlineMargin);
    }

    public HttpImageGeneratorSettings withLimits(Limits value) {
        return new HttpImageGeneratorSettings(provider, timeouts, retries, breaker, value, polling, deadlineMargin);
    }

    public HttpImageGeneratorSettings withPolling(Polling value) {
        return new HttpImageGeneratorSettings(provider, timeouts, retries, breaker, limits, value, deadlineMargin);
    }

    public HttpImageGeneratorSettings withDeadlineMargin(Duration value) {
        return new HttpImageGeneratorSettings(provider, timeouts, retries, breaker, limits, polling, value);
    }

    // shorthands used throughout the tests

    public HttpImageGeneratorSettings withModel(String value) {
        return withProvider(provider.withModel(value));
    }

    public HttpImageGeneratorSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return withTimeouts(new Timeouts(connect, read, call));
    }

    public HttpImageGeneratorSettings withRetries(int max, Duration base, Duration cap) {
        return withRetries(new Retries(max, base, cap));
    }

    public HttpImageGeneratorSettings withMaxResponseBytes(long value) {
        return withLimits(limits.withMaxResponseBytes(value));
    }

    public HttpImageGeneratorSettings withMaxConcurrentCalls(int value) {
        return withLimits(limits.withMaxConcurrentCalls(value));
    }

    /**
     * @param connect TCP/TLS connect timeout of one attempt
     * @param read longest silence while waiting for or reading an answer (image models think for long)
     * @param call whole time budget of one attempt, from request to last byte
     */
    public record Timeouts(Duration connect, Duration read, Duration call) {
        public static final Timeouts DEFAULTS =
                new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(120));

        public Timeouts {
            requirePositive(connect, "connect");
            requirePositive(read, "read");
            requirePositive(call, "call");
        }
    }

    /**
     * @param max retries after the first attempt on connect errors, timeouts, 429 and 5xx
     * @param base delay before the first retry; doubles each retry, with jitter
     * @param cap upper bound of the exponential delay (a longer {@code Retry-After} is still honoured)
     */
    public record Retries(int max, Duration base, Duration cap) {
        public static final Retries DEFAULTS = new Retries(3, Duration.ofSeconds(1), Duration.ofSeconds(20));

        public Retries {
            if (max < 0 || max > 20) {
                throw new IllegalArgumentException("max must be between 0 and 20, was " + max);
            }
            requirePositive(base, "base");
            requirePositive(cap, "cap");
            if (cap.compareTo(base) < 0) {
                throw new IllegalArgumentException("cap must be >= base");
            }
        }
    }

    /**
     * The circuit breaker, which counts one outcome per style's call after its retries.
     *
     * @param failureRatePercent the share of failed calls in {@code window} that opens the circuit
     * @param minimumCalls calls in {@code window} before the rate is judged at all
     * @param window the period the rate is measured over
     * @param openDelay how long the open circuit fails fast before it lets probes through
     * @param halfOpenCalls calls let through while half-open (at least a whole job's three); all must succeed
     */
    public record Breaker(
            int failureRatePercent, int minimumCalls, Duration window, Duration openDelay, int halfOpenCalls) {
        public static final Breaker DEFAULTS = new Breaker(50, 10, Duration.ofSeconds(60), Duration.ofSeconds(30), 3);

        public Breaker {
            if (failureRatePercent < 1 || failureRatePercent > 100) {
                throw new IllegalArgumentException(
                        "failureRatePercent must be between 1 and 100, was " + failureRatePercent);
            }
            if (minimumCalls < 1) {
                throw new IllegalArgumentException("minimumCalls must be >= 1, was " + minimumCalls);
            }
            requirePositive(window, "window");
            requirePositive(openDelay, "openDelay");
            if (halfOpenCalls < 1) {
                throw new IllegalArgumentException("halfOpenCalls must be >= 1, was " + halfOpenCalls);
            }
        }

        public Breaker withMinimumCalls(int value) {
            return new Breaker(failureRatePercent, value, window, openDelay, halfOpenCalls);
        }

        public Breaker withOpenDelay(Duration value) {
            return new Breaker(failureRatePercent, minimumCalls, window, value, halfOpenCalls);
        }
    }

    /**
     * @param maxConcurrentCalls provider calls in flight at once; further calls wait (without a thread) in line
     * @param maxResponseBytes largest API answer accepted (a base64 image included)
     * @param maxDownloadBytes largest image download accepted
     * @param maxPixels largest decoded image (width × height) accepted
     */
    public record Limits(int maxConcurrentCalls, long maxResponseBytes, long maxDownloadBytes, long maxPixels) {
        public static final Limits DEFAULTS = new Limits(16, 24L * 1024 * 1024, 20L * 1024 * 1024, 40_000_000L);

        public Limits {
            if (maxConcurrentCalls < 1) {
                throw new IllegalArgumentException("maxConcurrentCalls must be >= 1, was " + maxConcurrentCalls);
            }
            if (maxResponseBytes < 1024) {
                throw new IllegalArgumentException("maxResponseBytes must be >= 1024, was " + maxResponseBytes);
            }
            if (maxDownloadBytes < 1024) {
                throw new IllegalArgumentException("maxDownloadBytes must be >= 1024, was " + maxDownloadBytes);
            }
            if (maxPixels < 1) {
                throw new IllegalArgumentException("maxPixels must be >= 1, was " + maxPixels);
            }
        }

        public Limits withMaxConcurrentCalls(int value) {
            return new Limits(value, maxResponseBytes, maxDownloadBytes, maxPixels);
        }

        public Limits withMaxResponseBytes(long value) {
            return new Limits(maxConcurrentCalls, value, value, maxPixels);
        }

        public Limits withMaxPixels(long value) {
            return new Limits(maxConcurrentCalls, maxResponseBytes, maxDownloadBytes, value);
        }
    }

    /**
     * How an asynchronous provider (Replicate) is waited for.
     *
     * @param preferWait seconds the create request asks the provider to hold the answer ({@code Prefer: wait=N},
     *     1..60)
     * @param first delay before the first poll; it grows by half each poll
     * @param max longest delay between polls
     */
    public record Polling(int preferWait, Duration first, Duration max) {
        public static final Polling DEFAULTS = new Polling(30, Duration.ofMillis(500), Duration.ofSeconds(5));

        public Polling {
            if (preferWait < 1 || preferWait > 60) {
                throw new IllegalArgumentException("preferWait must be between 1 and 60, was " + preferWait);
            }
            requirePositive(first, "first");
            requirePositive(max, "max");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
