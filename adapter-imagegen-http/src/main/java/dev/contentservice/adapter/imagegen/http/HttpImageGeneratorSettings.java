package dev.contentservice.adapter.imagegen.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How {@link HttpImageGenerator} talks to an OpenAI-compatible {@code POST {baseUrl}/images/generations}.
 * Validated eagerly; {@link #of(URI, Optional)} gives the service's defaults and the {@code with…} methods
 * change one aspect. {@link #toString()} never shows the API key.
 *
 * @param baseUrl for example {@code https://api.openai.com/v1}; the generator appends {@code /images/generations}
 * @param apiKey sent as {@code Authorization: Bearer …} and nowhere else; empty for servers without auth
 * @param model the {@code model} field, for example {@code gpt-image-1} or {@code dall-e-3}
 * @param size the {@code size} field, {@code auto} or {@code WIDTHxHEIGHT}
 * @param responseFormat the {@code response_format} field ({@code url} or {@code b64_json}); only sent to
 *     models that accept it: dall-e models get {@code b64_json} unless told otherwise, GPT image models never
 *     get it (they always answer base64), other models only when it is set here
 * @param connectTimeout TCP/TLS connect timeout of one attempt
 * @param readTimeout longest silence while waiting for or reading an answer (image models think for long)
 * @param callTimeout whole time budget of one attempt, from request to last byte
 * @param maxRetries retries after the first attempt on connect errors, timeouts, 429 and 5xx
 * @param backoffBase delay before the first retry; doubles each retry, with jitter
 * @param backoffMax upper bound of the exponential delay (a longer {@code Retry-After} is still honoured)
 * @param breakerFailureThreshold consecutive failed attempts, across all jobs, that open the circuit
 * @param breakerOpenDelay how long the open circuit fails fast before it lets one probe through
 * @param maxConcurrentCalls provider calls in flight at once; further calls wait (without a thread) in line
 * @param deadlineMargin the generator gives up this long before the job deadline, leaving a fallback time
 * @param maxResponseBytes largest answer (JSON or image download) accepted
 */
public record HttpImageGeneratorSettings(
        URI baseUrl,
        Optional<String> apiKey,
        String model,
        String size,
        Optional<String> responseFormat,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxRetries,
        Duration backoffBase,
        Duration backoffMax,
        int breakerFailureThreshold,
        Duration breakerOpenDelay,
        int maxConcurrentCalls,
        Duration deadlineMargin,
        long maxResponseBytes) {

    public static final String DEFAULT_MODEL = "gpt-image-1";
    public static final String DEFAULT_SIZE = "1024x1024";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(1);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(20);
    public static final int DEFAULT_BREAKER_FAILURE_THRESHOLD = 5;
    public static final Duration DEFAULT_BREAKER_OPEN_DELAY = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 16;
    public static final Duration DEFAULT_DEADLINE_MARGIN = Duration.ofSeconds(2);
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    /** Environment variables read by {@link #fromEnvironment(Map)}. */
    public static final String ENV_URL = "CONTENT_IMAGEGEN_URL";

    public static final String ENV_API_KEY = "CONTENT_IMAGEGEN_API_KEY";
    public static final String ENV_MODEL = "CONTENT_IMAGEGEN_MODEL";
    public static final String ENV_SIZE = "CONTENT_IMAGEGEN_SIZE";
    public static final String ENV_RESPONSE_FORMAT = "CONTENT_IMAGEGEN_RESPONSE_FORMAT";
    public static final String ENV_TIMEOUT_SECONDS = "CONTENT_IMAGEGEN_TIMEOUT_SECONDS";
    public static final String ENV_CONNECT_TIMEOUT_SECONDS = "CONTENT_IMAGEGEN_CONNECT_TIMEOUT_SECONDS";
    public static final String ENV_MAX_RETRIES = "CONTENT_IMAGEGEN_MAX_RETRIES";
    public static final String ENV_MAX_CONCURRENCY = "CONTENT_IMAGEGEN_MAX_CONCURRENCY";
    public static final String ENV_BREAKER_THRESHOLD = "CONTENT_IMAGEGEN_BREAKER_THRESHOLD";
    public static final String ENV_BREAKER_OPEN_SECONDS = "CONTENT_IMAGEGEN_BREAKER_OPEN_SECONDS";

    static final Set<String> RESPONSE_FORMATS = Set.of("url", "b64_json");
    private static final Pattern SIZE = Pattern.compile("auto|[1-9][0-9]{1,4}x[1-9][0-9]{1,4}");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]+");

    public HttpImageGeneratorSettings {
        Objects.requireNonNull(baseUrl, "baseUrl must not be null");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!baseUrl.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, was " + safe(baseUrl));
        }
        if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not carry user info, a query or a fragment");
        }
        Objects.requireNonNull(apiKey, "apiKey must not be null (use Optional.empty())");
        apiKey.ifPresent(key -> {
            if (!TOKEN.matcher(key).matches()) {
                // never echo the key itself
                throw new IllegalArgumentException("apiKey must be printable ASCII without spaces");
            }
        });
        if (model == null || !MODEL.matcher(model).matches()) {
            throw new IllegalArgumentException("model must be a model name such as gpt-image-1, was '" + model + "'");
        }
        if (size == null || !SIZE.matcher(size).matches()) {
            throw new IllegalArgumentException(
                    "size must be 'auto' or WIDTHxHEIGHT such as 1024x1024, was '" + size + "'");
        }
        Objects.requireNonNull(responseFormat, "responseFormat must not be null (use Optional.empty())");
        responseFormat.ifPresent(format -> {
            if (!RESPONSE_FORMATS.contains(format)) {
                throw new IllegalArgumentException("responseFormat must be url or b64_json, was '" + format + "'");
            }
        });
        if (responseFormat.isPresent() && isGptImageModel(model)) {
            throw new IllegalArgumentException(
                    "responseFormat is not accepted by GPT image models (they always answer b64_json): " + model);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(callTimeout, "callTimeout");
        if (maxRetries < 0 || maxRetries > 20) {
            throw new IllegalArgumentException("maxRetries must be between 0 and 20, was " + maxRetries);
        }
        requirePositive(backoffBase, "backoffBase");
        requirePositive(backoffMax, "backoffMax");
        if (backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffMax must be >= backoffBase");
        }
        if (breakerFailureThreshold < 1) {
            throw new IllegalArgumentException("breakerFailureThreshold must be >= 1, was " + breakerFailureThreshold);
        }
        requirePositive(breakerOpenDelay, "breakerOpenDelay");
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be >= 1, was " + maxConcurrentCalls);
        }
        Objects.requireNonNull(deadlineMargin, "deadlineMargin must not be null");
        if (deadlineMargin.isNegative()) {
            throw new IllegalArgumentException("deadlineMargin must not be negative");
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be >= 1024, was " + maxResponseBytes);
        }
    }

    /** The defaults for a provider at {@code baseUrl}. */
    public static HttpImageGeneratorSettings of(URI baseUrl, Optional<String> apiKey) {
        return new HttpImageGeneratorSettings(
                baseUrl,
                apiKey,
                DEFAULT_MODEL,
                DEFAULT_SIZE,
                Optional.empty(),
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_CALL_TIMEOUT,
                DEFAULT_CALL_TIMEOUT,
                DEFAULT_MAX_RETRIES,
                DEFAULT_BACKOFF_BASE,
                DEFAULT_BACKOFF_MAX,
                DEFAULT_BREAKER_FAILURE_THRESHOLD,
                DEFAULT_BREAKER_OPEN_DELAY,
                DEFAULT_MAX_CONCURRENT_CALLS,
                DEFAULT_DEADLINE_MARGIN,
                DEFAULT_MAX_RESPONSE_BYTES);
    }

    /**
     * Reads the {@code CONTENT_IMAGEGEN_*} variables. Empty when {@code CONTENT_IMAGEGEN_URL} is unset or
     * blank (the service then draws locally). Blank variables count as unset.
     *
     * @throws IllegalArgumentException naming the variable when a value is invalid (never echoing the key)
     */
    public static Optional<HttpImageGeneratorSettings> fromEnvironment(Map<String, String> env) {
        Optional<String> url = value(env, ENV_URL);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI baseUrl;
        try {
            baseUrl = URI.create(url.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV_URL + " is not a URL");
        }
        HttpImageGeneratorSettings settings = of(baseUrl, value(env, ENV_API_KEY));
        String model = value(env, ENV_MODEL).orElse(DEFAULT_MODEL);
        settings = settings.withModel(model)
                .withSize(value(env, ENV_SIZE).orElse(DEFAULT_SIZE))
                .withResponseFormat(value(env, ENV_RESPONSE_FORMAT));
        Duration callTimeout = seconds(env, ENV_TIMEOUT_SECONDS).orElse(DEFAULT_CALL_TIMEOUT);
        Duration connectTimeout = seconds(env, ENV_CONNECT_TIMEOUT_SECONDS).orElse(DEFAULT_CONNECT_TIMEOUT);
        settings = settings.withTimeouts(connectTimeout, callTimeout, callTimeout);
        settings = settings.withRetries(
                integer(env, ENV_MAX_RETRIES).orElse(DEFAULT_MAX_RETRIES),
                settings.backoffBase(),
                settings.backoffMax());
        settings = settings.withBreaker(
                integer(env, ENV_BREAKER_THRESHOLD).orElse(DEFAULT_BREAKER_FAILURE_THRESHOLD),
                seconds(env, ENV_BREAKER_OPEN_SECONDS).orElse(DEFAULT_BREAKER_OPEN_DELAY));
        return Optional.of(settings.withMaxConcurrentCalls(
                integer(env, ENV_MAX_CONCURRENCY).orElse(DEFAULT_MAX_CONCURRENT_CALLS)));
    }

    public HttpImageGeneratorSettings withModel(String value) {
        return copy().model(value).build();
    }

    public HttpImageGeneratorSettings withSize(String value) {
        return copy().size(value).build();
    }

    public HttpImageGeneratorSettings withResponseFormat(Optional<String> value) {
        return copy().responseFormat(value).build();
    }

    public HttpImageGeneratorSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return copy().connectTimeout(connect)
                .readTimeout(read)
                .callTimeout(call)
                .build();
    }

    public HttpImageGeneratorSettings withRetries(int retries, Duration base, Duration max) {
        return copy().maxRetries(retries).backoffBase(base).backoffMax(max).build();
    }

    public HttpImageGeneratorSettings withBreaker(int failureThreshold, Duration openDelay) {
        return copy().breakerFailureThreshold(failureThreshold)
                .breakerOpenDelay(openDelay)
                .build();
    }

    public HttpImageGeneratorSettings withMaxConcurrentCalls(int value) {
        return copy().maxConcurrentCalls(value).build();
    }

    public HttpImageGeneratorSettings withDeadlineMargin(Duration value) {
        return copy().deadlineMargin(value).build();
    }

    public HttpImageGeneratorSettings withMaxResponseBytes(long value) {
        return copy().maxResponseBytes(value).build();
    }

    private Copy copy() {
        return new Copy(this);
    }

    /** A mutable copy for the {@code with…} methods; {@link #build()} validates through the record. */
    private static final class Copy {
        private URI baseUrl;
        private Optional<String> apiKey;
        private String model;
        private String size;
        private Optional<String> responseFormat;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private int maxRetries;
        private Duration backoffBase;
        private Duration backoffMax;
        private int breakerFailureThreshold;
        private Duration breakerOpenDelay;
        private int maxConcurrentCalls;
        private Duration deadlineMargin;
        private long maxResponseBytes;

        Copy(HttpImageGeneratorSettings from) {
            baseUrl = from.baseUrl;
            apiKey = from.apiKey;
            model = from.model;
            size = from.size;
            responseFormat = from.responseFormat;
            connectTimeout = from.connectTimeout;
            readTimeout = from.readTimeout;
            callTimeout = from.callTimeout;
            maxRetries = from.maxRetries;
            backoffBase = from.backoffBase;
            backoffMax = from.backoffMax;
            breakerFailureThreshold = from.breakerFailureThreshold;
            breakerOpenDelay = from.breakerOpenDelay;
            maxConcurrentCalls = from.maxConcurrentCalls;
            deadlineMargin = from.deadlineMargin;
            maxResponseBytes = from.maxResponseBytes;
        }

        Copy model(String value) {
            model = value;
            return this;
        }

        Copy size(String value) {
            size = value;
            return this;
        }

        Copy responseFormat(Optional<String> value) {
            responseFormat = value;
            return this;
        }

        Copy connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        Copy readTimeout(Duration value) {
            readTimeout = value;
            return this;
        }

        Copy callTimeout(Duration value) {
            callTimeout = value;
            return this;
        }

        Copy maxRetries(int value) {
            maxRetries = value;
            return this;
        }

        Copy backoffBase(Duration value) {
            backoffBase = value;
            return this;
        }

        Copy backoffMax(Duration value) {
            backoffMax = value;
            return this;
        }

        Copy breakerFailureThreshold(int value) {
            breakerFailureThreshold = value;
            return this;
        }

        Copy breakerOpenDelay(Duration value) {
            breakerOpenDelay = value;
            return this;
        }

        Copy maxConcurrentCalls(int value) {
            maxConcurrentCalls = value;
            return this;
        }

        Copy deadlineMargin(Duration value) {
            deadlineMargin = value;
            return this;
        }

        Copy maxResponseBytes(long value) {
            maxResponseBytes = value;
            return this;
        }

        HttpImageGeneratorSettings build() {
            return new HttpImageGeneratorSettings(
                    baseUrl,
                    apiKey,
                    model,
                    size,
                    responseFormat,
                    connectTimeout,
                    readTimeout,
                    callTimeout,
                    maxRetries,
                    backoffBase,
                    backoffMax,
                    breakerFailureThreshold,
                    breakerOpenDelay,
                    maxConcurrentCalls,
                    deadlineMargin,
                    maxResponseBytes);
        }
    }

    /** The {@code response_format} actually sent: only to models that accept the field. */
    Optional<String> effectiveResponseFormat() {
        if (isGptImageModel(model)) {
            return Optional.empty();
        }
        if (model.toLowerCase(Locale.ROOT).startsWith("dall-e")) {
            return Optional.of(responseFormat.orElse("b64_json"));
        }
        return responseFormat;
    }

    static boolean isGptImageModel(String model) {
        return model.toLowerCase(Locale.ROOT).startsWith("gpt-image");
    }

    @Override
    public String toString() {
        return "HttpImageGeneratorSettings[baseUrl=" + safe(baseUrl)
                + ", apiKey=" + (apiKey.isPresent() ? "****" : "<none>")
                + ", model=" + model
                + ", size=" + size
                + ", responseFormat=" + responseFormat.orElse("<default>")
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout
                + ", callTimeout=" + callTimeout
                + ", maxRetries=" + maxRetries
                + ", backoffBase=" + backoffBase
                + ", backoffMax=" + backoffMax
                + ", breakerFailureThreshold=" + breakerFailureThreshold
                + ", breakerOpenDelay=" + breakerOpenDelay
                + ", maxConcurrentCalls=" + maxConcurrentCalls
                + ", deadlineMargin=" + deadlineMargin
                + ", maxResponseBytes=" + maxResponseBytes
                + "]";
    }

    private static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<Integer> integer(Map<String, String> env, String name) {
        return value(env, name).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, was '" + v + "'");
            }
        });
    }

    private static Optional<Duration> seconds(Map<String, String> env, String name) {
        return integer(env, name).map(v -> {
            if (v < 1) {
                throw new IllegalArgumentException(name + " must be >= 1 second, was " + v);
            }
            return Duration.ofSeconds(v);
        });
    }
}
