package dev.contentservice.bootstrap;

import dev.contentservice.application.TextMode;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The service's configuration: the public contract of environment variables (SPEC, "Running it"). Each
 * variable may also be given as a system property of the same name in lower case with dots
 * ({@code CONTENT_HTTP_PORT} → {@code content.http.port}); the environment wins.
 *
 * @param httpPort {@code CONTENT_HTTP_PORT}, 8080; 0 picks a free port
 * @param redisUrl {@code CONTENT_REDIS_URL}; empty = everything in memory (the embedded default)
 * @param imagegenUrl {@code CONTENT_IMAGEGEN_URL}; empty = the built-in local renderer
 * @param imagegenApiKey {@code CONTENT_IMAGEGEN_API_KEY}; never logged
 * @param imagegenModel {@code CONTENT_IMAGEGEN_MODEL}; empty = the adapter's default
 * @param imagegenFallback {@code CONTENT_IMAGEGEN_FALLBACK}: {@code none} or {@code local}
 * @param publicBaseUrl {@code CONTENT_PUBLIC_BASE_URL}; empty = {@code http://localhost:{port}}
 * @param jobDeadline {@code CONTENT_JOB_DEADLINE_SECONDS}, 300
 * @param lease {@code CONTENT_QUEUE_LEASE_SECONDS}, 60: how long a dead instance's job waits before
 *     another instance takes it over
 * @param maxInFlightJobs {@code CONTENT_WORKER_MAX_JOBS}, 256: jobs one instance works on at once
 * @param samples {@code CONTENT_SAMPLES}: preload the sample recommendations; default true in memory,
 *     false with Redis
 * @param ops exposure, access, logging and the worker's claim budget ({@link OpsConfig})
 * @param variables every {@code CONTENT_*} setting as read (environment over system properties), for
 *     the adapters' own tuning settings (for example {@code CONTENT_IMAGEGEN_MAX_RETRIES})
 * @param imageGen the {@code CONTENT_IMAGEGEN_*} settings, parsed once from the fields above
 * @param textMode {@code CONTENT_IMAGEGEN_TEXT}, {@code overlay}: who sets the words over a provider's art
 * @param imageStorage {@code CONTENT_IMAGE_STORE} and its settings ({@link ImageStorage}), parsed once
 * @param webhooks the {@code CONTENT_WEBHOOK_*} settings, parsed once
 */
public record ContentConfig(
        int httpPort,
        Optional<String> redisUrl,
        Optional<String> imagegenUrl,
        Optional<String> imagegenApiKey,
        Optional<String> imagegenModel,
        Fallback imagegenFallback,
        Optional<String> publicBaseUrl,
        Duration jobDeadline,
        Duration lease,
        int maxInFlightJobs,
        boolean samples,
        OpsConfig ops,
        Map<String, String> variables,
        ImageGenConfig imageGen,
        TextMode textMode,
        ImageStorage imageStorage,
        WebhookConfig webhooks) {

    /** What to do while the HTTP provider is unavailable. */
    public enum Fallback {
        NONE,
        LOCAL
    }

    public ContentConfig {
        check(httpPort, redisUrl, imagegenUrl, imagegenApiKey, imagegenModel, imagegenFallback, publicBaseUrl);
        check(jobDeadline, lease, maxInFlightJobs, ops, variables);
        variables = Map.copyOf(variables);
        Objects.requireNonNull(imageGen, "imageGen");
        Objects.requireNonNull(textMode, "textMode");
        Objects.requireNonNull(imageStorage, "imageStorage");
        Objects.requireNonNull(webhooks, "webhooks");
    }

    /**
     * The configuration of these fields, with the {@code CONTENT_IMAGEGEN_*}, {@code CONTENT_IMAGE_STORE} and
     * {@code CONTENT_WEBHOOK_*} settings parsed from them once, here: a bad value stops the start with a
     * message naming its variable, and reading them later costs nothing.
     */
    public ContentConfig(
            int httpPort,
            Optional<String> redisUrl,
            Optional<String> imagegenUrl,
            Optional<String> imagegenApiKey,
            Optional<String> imagegenModel,
            Fallback imagegenFallback,
            Optional<String> publicBaseUrl,
            Duration jobDeadline,
            Duration lease,
            int maxInFlightJobs,
            boolean samples,
            OpsConfig ops,
            Map<String, String> variables) {
        this(
                httpPort,
                redisUrl,
                imagegenUrl,
                imagegenApiKey,
                imagegenModel,
                imagegenFallback,
                publicBaseUrl,
                jobDeadline,
                lease,
                maxInFlightJobs,
                samples,
                ops,
                variables,
                ImageGenConfig.parse(checkedEffectiveVariables(
                        httpPort,
                        redisUrl,
                        imagegenUrl,
                        imagegenApiKey,
                        imagegenModel,
                        imagegenFallback,
                        publicBaseUrl,
                        jobDeadline,
                        lease,
                        maxInFlightJobs,
                        ops,
                        variables)),
                ImageGenConfig.textMode(effectiveVariables(imagegenUrl, imagegenApiKey, imagegenModel, variables)),
                ImageStorage.from(redisUrl, variables),
                WebhookConfig.from(variables));
    }

    /** The fields' own checks, before any setting is parsed from them (so the first message is about them). */
    private static Map<String, String> checkedEffectiveVariables(
            int httpPort,
            Optional<String> redisUrl,
            Optional<String> imagegenUrl,
            Optional<String> imagegenApiKey,
            Optional<String> imagegenModel,
            Fallback imagegenFallback,
            Optional<String> publicBaseUrl,
            Duration jobDeadline,
            Duration lease,
            int maxInFlightJobs,
            OpsConfig ops,
            Map<String, String> variables) {
        check(httpPort, redisUrl, imagegenUrl, imagegenApiKey, imagegenModel, imagegenFallback, publicBaseUrl);
        check(jobDeadline, lease, maxInFlightJobs, ops, variables);
        return effectiveVariables(imagegenUrl, imagegenApiKey, imagegenModel, variables);
    }

    private static void check(
            int httpPort,
            Optional<String> redisUrl,
            Optional<String> imagegenUrl,
            Optional<String> imagegenApiKey,
            Optional<String> imagegenModel,
            Fallback imagegenFallback,
            Optional<String> publicBaseUrl) {
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("CONTENT_HTTP_PORT must be 0..65535, was " + httpPort);
        }
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(imagegenUrl, "imagegenUrl");
        Objects.requireNonNull(imagegenApiKey, "imagegenApiKey");
        Objects.requireNonNull(imagegenModel, "imagegenModel");
        Objects.requireNonNull(imagegenFallback, "imagegenFallback");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        redisUrl.ifPresent(url -> requireScheme("CONTENT_REDIS_URL", url, "redis", "rediss"));
        imagegenUrl.ifPresent(url -> requireScheme("CONTENT_IMAGEGEN_URL", url, "http", "https"));
        publicBaseUrl.ifPresent(url -> requireScheme("CONTENT_PUBLIC_BASE_URL", url, "http", "https"));
    }

    private static void check(
            Duration jobDeadline, Duration lease, int maxInFlightJobs, OpsConfig ops, Map<String, String> variables) {
        Objects.requireNonNull(ops, "ops");
        Objects.requireNonNull(variables, "variables");
        requirePositive("CONTENT_JOB_DEADLINE_SECONDS", jobDeadline);
        requirePositive("CONTENT_QUEUE_LEASE_SECONDS", lease);
        if (maxInFlightJobs < 1) {
            throw new IllegalArgumentException("CONTENT_WORKER_MAX_JOBS must be >= 1, was " + maxInFlightJobs);
        }
    }

    /**
     * {@code CONTENT_JOB_MAX_ATTEMPTS}, {@value OpsConfig#DEFAULT_JOB_MAX_ATTEMPTS}: claims of a job after
     * which it fails as {@code JOB_POISONED}. A claim counts unless it was handed back at shutdown (SIGTERM).
     */
    public int jobMaxAttempts() {
        return ops.jobMaxAttempts();
    }

    /** The embedded default on a free port: memory, local renderer, samples. For tests and demos. */
    public static ContentConfig embedded() {
        return fromEnvironment(Map.of("CONTENT_HTTP_PORT", "0"), new Properties());
    }

    public static ContentConfig fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperties());
    }

    /** Reads the configuration; throws IllegalArgumentException naming the variable at fault. */
    public static ContentConfig fromEnvironment(Map<String, String> env, Properties properties) {
        Settings settings = new Settings(env, properties);
        Optional<String> redisUrl = settings.text("CONTENT_REDIS_URL");
        return new ContentConfig(
                settings.integer("CONTENT_HTTP_PORT", 8080),
                redisUrl,
                settings.text("CONTENT_IMAGEGEN_URL"),
                settings.text("CONTENT_IMAGEGEN_API_KEY"),
                settings.text("CONTENT_IMAGEGEN_MODEL"),
                settings.text("CONTENT_IMAGEGEN_FALLBACK")
                        .map(value -> parseFallback(value))
                        .orElse(Fallback.NONE),
                settings.text("CONTENT_PUBLIC_BASE_URL").map(url -> url.replaceAll("/+$", "")),
                Duration.ofSeconds(settings.integer("CONTENT_JOB_DEADLINE_SECONDS", 300)),
                Duration.ofSeconds(settings.integer("CONTENT_QUEUE_LEASE_SECONDS", 60)),
                settings.integer("CONTENT_WORKER_MAX_JOBS", 256),
                settings.bool("CONTENT_SAMPLES", redisUrl.isEmpty()),
                OpsConfig.from(settings),
                settings.all());
    }

    public ContentConfig withRedisUrl(String url) {
        return new ContentConfig(
                httpPort,
                Optional.of(url),
                imagegenUrl,
                imagegenApiKey,
                imagegenModel,
                imagegenFallback,
                publicBaseUrl,
                jobDeadline,
                lease,
                maxInFlightJobs,
                samples,
                ops,
                variables);
    }

    public ContentConfig withLease(Duration value) {
        return new ContentConfig(
                httpPort,
                redisUrl,
                imagegenUrl,
                imagegenApiKey,
                imagegenModel,
                imagegenFallback,
                publicBaseUrl,
                jobDeadline,
                value,
                maxInFlightJobs,
                samples,
                ops,
                variables);
    }

    public ContentConfig withOps(OpsConfig value) {
        return new ContentConfig(
                httpPort,
                redisUrl,
                imagegenUrl,
                imagegenApiKey,
                imagegenModel,
                imagegenFallback,
                publicBaseUrl,
                jobDeadline,
                lease,
                maxInFlightJobs,
                samples,
                value,
                variables);
    }

    /** The configuration as safe to log: the API key is never shown. */
    @Override
    public String toString() {
        return "ContentConfig[httpPort=" + httpPort
                + ", stores=" + (redisUrl.isPresent() ? "redis " + redactUserInfo(redisUrl.get()) : "memory")
                + ", imagegen=" + imagegenUrl.orElse("local renderer")
                + ", apiKey=" + (imagegenApiKey.isPresent() ? "(set)" : "(unset)")
                + ", model=" + imagegenModel.orElse("(default)")
                + ", fallback=" + imagegenFallback
                + ", publicBaseUrl=" + publicBaseUrl.orElse("(http://localhost:port)")
                + ", jobDeadline=" + jobDeadline + ", lease=" + lease
                + ", maxInFlightJobs=" + maxInFlightJobs + ", samples=" + samples + ", " + ops + "]";
    }

    /**
     * The variables with the typed fields written back over them, so that adapters reading their own
     * settings from the map see what this configuration says (also after a {@code with…} call).
     */
    public Map<String, String> effectiveVariables() {
        return effectiveVariables(imagegenUrl, imagegenApiKey, imagegenModel, variables);
    }

    private static Map<String, String> effectiveVariables(
            Optional<String> imagegenUrl,
            Optional<String> imagegenApiKey,
            Optional<String> imagegenModel,
            Map<String, String> variables) {
        Map<String, String> effective = new java.util.TreeMap<>(variables);
        effective.remove("CONTENT_IMAGEGEN_URL");
        effective.remove("CONTENT_IMAGEGEN_API_KEY");
        effective.remove("CONTENT_IMAGEGEN_MODEL");
        imagegenUrl.ifPresent(value -> effective.put("CONTENT_IMAGEGEN_URL", value));
        imagegenApiKey.ifPresent(value -> effective.put("CONTENT_IMAGEGEN_API_KEY", value));
        imagegenModel.ifPresent(value -> effective.put("CONTENT_IMAGEGEN_MODEL", value));
        return effective;
    }

    static String redactUserInfo(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    private static Fallback parseFallback(String value) {
        try {
            return Fallback.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "CONTENT_IMAGEGEN_FALLBACK must be 'none' or 'local', was '" + value + "'");
        }
    }

    private static void requireScheme(String name, String url, String... schemes) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        for (String allowed : schemes) {
            if (allowed.equals(scheme) && uri.getHost() != null) {
                return;
            }
        }
        throw new IllegalArgumentException(name + " must be a " + String.join(" or ", schemes) + " URL with a host");
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Looks a name up in the environment, then as a system property in lower case with dots. */
    record Settings(Map<String, String> env, Properties properties) {
        Optional<String> text(String name) {
            String value = env.get(name);
            if (value == null) {
                value = properties.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
            }
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }

        int integer(String name, int fallback) {
            return text(name)
                    .map(value -> {
                        try {
                            return Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
                        }
                    })
                    .orElse(fallback);
        }

        /** A comma-separated list; blank entries are dropped. */
        java.util.List<String> list(String name) {
            return text(name)
                    .map(value -> java.util.Arrays.stream(value.split(","))
                            .map(String::trim)
                            .filter(entry -> !entry.isEmpty())
                            .toList())
                    .orElse(java.util.List.of());
        }

        /** Every CONTENT_* setting, environment over system properties. */
        Map<String, String> all() {
            Map<String, String> all = new java.util.TreeMap<>();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("content.")) {
                    all.put(key.toUpperCase(Locale.ROOT).replace('.', '_'), properties.getProperty(key));
                }
            }
            env.forEach((key, value) -> {
                if (key.startsWith("CONTENT_")) {
                    all.put(key, value);
                }
            });
            return all;
        }

        boolean bool(String name, boolean fallback) {
            return text(name)
                    .map(value -> switch (value.toLowerCase(Locale.ROOT)) {
                        case "true", "1", "yes", "on" -> true;
                        case "false", "0", "no", "off" -> false;
                        default ->
                            throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
                    })
                    .orElse(fallback);
        }
    }
}
