package dev.contentservice.bootstrap;

import dev.contentservice.adapter.imagegen.http.HttpImageGeneratorSettings;
import dev.contentservice.adapter.imagegen.http.ProviderSettings;
import dev.contentservice.application.TextMode;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code CONTENT_IMAGEGEN_*} part of the configuration, turned once into the HTTP generator's typed settings
 * (the adapter itself never reads the environment). A bad value is an {@link IllegalArgumentException} naming
 * its variable (never echoing the key), which stops the start with exit code 2.
 *
 * @param settings the generator's settings; empty = the built-in local renderer
 * @param ratePerMinute {@code CONTENT_IMAGEGEN_RATE_PER_MINUTE}: provider calls a minute across every instance on
 *     the same Redis (or this process in memory mode); empty = no limit
 */
record ImageGenConfig(Optional<HttpImageGeneratorSettings> settings, OptionalInt ratePerMinute) {
    static final String PROTOCOL = "CONTENT_IMAGEGEN_PROTOCOL";
    static final String URL = "CONTENT_IMAGEGEN_URL";
    static final String API_KEY = "CONTENT_IMAGEGEN_API_KEY";
    static final String MODEL = "CONTENT_IMAGEGEN_MODEL";
    static final String SIZE = "CONTENT_IMAGEGEN_SIZE";
    static final String RESPONSE_FORMAT = "CONTENT_IMAGEGEN_RESPONSE_FORMAT";
    static final String TIMEOUT_SECONDS = "CONTENT_IMAGEGEN_TIMEOUT_SECONDS";
    static final String CONNECT_TIMEOUT_SECONDS = "CONTENT_IMAGEGEN_CONNECT_TIMEOUT_SECONDS";
    static final String MAX_RETRIES = "CONTENT_IMAGEGEN_MAX_RETRIES";
    static final String MAX_CONCURRENCY = "CONTENT_IMAGEGEN_MAX_CONCURRENCY";
    static final String BREAKER_FAILURE_RATE = "CONTENT_IMAGEGEN_BREAKER_FAILURE_RATE";
    static final String BREAKER_MIN_CALLS = "CONTENT_IMAGEGEN_BREAKER_MIN_CALLS";
    static final String BREAKER_WINDOW_SECONDS = "CONTENT_IMAGEGEN_BREAKER_WINDOW_SECONDS";
    static final String BREAKER_OPEN_SECONDS = "CONTENT_IMAGEGEN_BREAKER_OPEN_SECONDS";
    static final String BREAKER_HALF_OPEN_CALLS = "CONTENT_IMAGEGEN_BREAKER_HALF_OPEN_CALLS";
    static final String OLD_BREAKER_THRESHOLD = "CONTENT_IMAGEGEN_BREAKER_THRESHOLD";
    static final String RATE_PER_MINUTE = "CONTENT_IMAGEGEN_RATE_PER_MINUTE";
    static final String ALLOW_PRIVATE_URLS = "CONTENT_IMAGEGEN_ALLOW_PRIVATE_URLS";
    static final String PREFER_WAIT_SECONDS = "CONTENT_IMAGEGEN_PREFER_WAIT_SECONDS";
    static final String TEXT = "CONTENT_IMAGEGEN_TEXT";

    /** Reads the imagegen settings of {@code config} (its typed URL, key and model over the raw variables). */
    static ImageGenConfig of(ContentConfig config) {
        return config.imageGen();
    }

    /** {@code CONTENT_IMAGEGEN_TEXT}: who sets the words over a provider's picture, {@code overlay} (default) or {@code provider}. */
    static TextMode textMode(ContentConfig config) {
        return config.textMode();
    }

    static TextMode textMode(Map<String, String> env) {
        return value(env, TEXT)
                .map(name -> switch (name.toLowerCase(Locale.ROOT)) {
                    case "overlay" -> TextMode.OVERLAY;
                    case "provider" -> TextMode.PROVIDER;
                    default ->
                        throw new IllegalArgumentException(
                                TEXT + " must be 'overlay' or 'provider', was '" + name + "'");
                })
                .orElse(TextMode.OVERLAY);
    }

    static ImageGenConfig parse(Map<String, String> env) {
        textMode(env);
        if (value(env, OLD_BREAKER_THRESHOLD).isPresent()) {
            throw new IllegalArgumentException(OLD_BREAKER_THRESHOLD + " is no longer read: the breaker opens on a"
                    + " failure rate, see " + BREAKER_FAILURE_RATE + " and " + BREAKER_MIN_CALLS);
        }
        OptionalInt rate = optionalBounded(env, RATE_PER_MINUTE, 1, 60_000);
        // the provider's tuning is read before knowing whether a provider is set: a bad value stops the start
        // either way, instead of lying in wait for the day a URL is added
        Optional<Duration> call = seconds(env, TIMEOUT_SECONDS);
        Optional<Duration> connect = seconds(env, CONNECT_TIMEOUT_SECONDS);
        OptionalInt retries = optionalBounded(env, MAX_RETRIES, 0, 20);
        OptionalInt failureRate = optionalBounded(env, BREAKER_FAILURE_RATE, 1, 100);
        OptionalInt minCalls = optionalBounded(env, BREAKER_MIN_CALLS, 1, 100_000);
        Optional<Duration> window = seconds(env, BREAKER_WINDOW_SECONDS);
        Optional<Duration> openFor = seconds(env, BREAKER_OPEN_SECONDS);
        OptionalInt halfOpenCalls = optionalBounded(env, BREAKER_HALF_OPEN_CALLS, 1, 1_000);
        OptionalInt concurrency = optionalBounded(env, MAX_CONCURRENCY, 1, 10_000);
        OptionalInt preferWait = optionalBounded(env, PREFER_WAIT_SECONDS, 1, 60);
        boolean allowPrivateUrls = bool(env, ALLOW_PRIVATE_URLS, false);
        Optional<String> protocolName = value(env, PROTOCOL);
        Optional<ProviderSettings.Protocol> protocol = protocolName.map(name -> ProviderSettings.Protocol.named(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        PROTOCOL + " must be 'openai' or 'replicate', was '" + name + "'")));
        Optional<String> url = value(env, URL);
        if (url.isEmpty() && protocol.isEmpty()) {
            // no provider: its key, model, size and format are still checked, by the rules of the protocol a
            // URL alone would choose (openai), so that a typo does not wait for the day a URL is added
            provider(env, ProviderSettings.Protocol.OPENAI, ProviderSettings.Protocol.OPENAI.defaultUrl());
            return new ImageGenConfig(Optional.empty(), rate);
        }
        ProviderSettings.Protocol chosen = protocol.orElse(ProviderSettings.Protocol.OPENAI);
        if (url.isEmpty() && chosen == ProviderSettings.Protocol.OPENAI) {
            throw new IllegalArgumentException(URL + " is required with " + PROTOCOL + "=openai");
        }
        URI baseUrl = url.map(ImageGenConfig::uri).orElse(chosen.defaultUrl());
        ProviderSettings complete = provider(env, chosen, baseUrl).withAllowPrivateUrls(allowPrivateUrls);

        HttpImageGeneratorSettings defaults = HttpImageGeneratorSettings.of(complete);
        Duration callTimeout = call.orElse(defaults.timeouts().call());
        HttpImageGeneratorSettings.Breaker breaker = defaults.breaker();
        HttpImageGeneratorSettings settings = defaults.withTimeouts(
                        connect.orElse(defaults.timeouts().connect()), callTimeout, callTimeout)
                .withRetries(new HttpImageGeneratorSettings.Retries(
                        retries.orElse(defaults.retries().max()),
                        defaults.retries().base(),
                        defaults.retries().cap()))
                .withBreaker(new HttpImageGeneratorSettings.Breaker(
                        failureRate.orElse(breaker.failureRatePercent()),
                        minCalls.orElse(breaker.minimumCalls()),
                        window.orElse(breaker.window()),
                        openFor.orElse(breaker.openDelay()),
                        halfOpenCalls.orElse(breaker.halfOpenCalls())))
                .withMaxConcurrentCalls(concurrency.orElse(defaults.limits().maxConcurrentCalls()))
                .withPolling(new HttpImageGeneratorSettings.Polling(
                        preferWait.orElse(defaults.polling().preferWait()),
                        defaults.polling().first(),
                        defaults.polling().max()));
        return new ImageGenConfig(Optional.of(settings), rate);
    }

    /**
     * The provider at {@code baseUrl} with the key, model, size and response format of the environment; a bad
     * value is refused naming its variable.
     */
    private static ProviderSettings provider(Map<String, String> env, ProviderSettings.Protocol protocol, URI baseUrl) {
        ProviderSettings provider = named(
                URL,
                () -> new ProviderSettings(
                        protocol,
                        baseUrl,
                        value(env, API_KEY),
                        protocol.defaultModel(),
                        ProviderSettings.DEFAULT_SIZE,
                        Optional.empty(),
                        false));
        ProviderSettings withModel =
                named(MODEL, () -> provider.withModel(value(env, MODEL).orElse(protocol.defaultModel())));
        ProviderSettings withSize =
                named(SIZE, () -> withModel.withSize(value(env, SIZE).orElse(ProviderSettings.DEFAULT_SIZE)));
        return named(RESPONSE_FORMAT, () -> withSize.withResponseFormat(value(env, RESPONSE_FORMAT)));
    }

    /** Whether an HTTP provider draws the images (a URL or a protocol is set). */
    boolean enabled() {
        return settings.isPresent();
    }

    private static URI uri(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(URL + " is not a URL");
        }
    }

    /** Runs a record construction, naming {@code variable} in its refusal (the record's own text never holds the key). */
    private static <T> T named(String variable, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw new IllegalArgumentException((message.startsWith("apiKey") ? API_KEY : variable) + ": " + message);
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static OptionalInt optionalBounded(Map<String, String> env, String name, int min, int max) {
        return value(env, name).isPresent() ? OptionalInt.of(bounded(env, name, min, max)) : OptionalInt.empty();
    }

    private static int bounded(Map<String, String> env, String name, int min, int max) {
        String raw = value(env, name).orElseThrow();
        int parsed;
        try {
            parsed = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + raw + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
    }

    private static Optional<Duration> seconds(Map<String, String> env, String name) {
        return value(env, name).map(v -> Duration.ofSeconds(bounded(env, name, 1, 86_400)));
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        return value(env, name)
                .map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                    case "true", "1", "yes", "on" -> true;
                    case "false", "0", "no", "off" -> false;
                    default -> throw new IllegalArgumentException(name + " must be true or false, was '" + v + "'");
                })
                .orElse(fallback);
    }
}
