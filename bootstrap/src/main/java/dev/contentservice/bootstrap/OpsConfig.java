package dev.contentservice.bootstrap;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the service is exposed and operated: access, CORS, the bind address, logging, and the worker's
 * claim budget. Part of {@link ContentConfig}; parsed once from the same variables.
 *
 * @param httpHost {@code CONTENT_HTTP_HOST}, {@code 0.0.0.0}: the address the HTTP server binds
 * @param apiKeys {@code CONTENT_API_KEYS} (comma-separated); empty = the API is open. Never logged
 * @param opsRequireKey {@code CONTENT_OPS_REQUIRE_KEY}, false: health, metrics and the OpenAPI document
 *     also require a key
 * @param corsOrigins {@code CONTENT_CORS_ORIGINS} (comma-separated origins such as
 *     {@code https://app.example.com}); empty = no cross-origin access
 * @param logFormat {@code CONTENT_LOG_FORMAT}: {@code text} or {@code json} (one JSON object per line)
 * @param logLevel {@code CONTENT_LOG_LEVEL}: TRACE, DEBUG, INFO, WARN, ERROR or OFF
 * @param jobMaxAttempts {@code CONTENT_JOB_MAX_ATTEMPTS}, 5: claims of one job before it fails as
 *     {@code JOB_POISONED} (a job whose workers keep dying)
 */
public record OpsConfig(
        String httpHost,
        List<String> apiKeys,
        boolean opsRequireKey,
        List<String> corsOrigins,
        LogFormat logFormat,
        String logLevel,
        int jobMaxAttempts) {
    /** The default of {@code CONTENT_JOB_MAX_ATTEMPTS}: a hand-over at shutdown is not an attempt, so a few more claims than the old 3. */
    public static final int DEFAULT_JOB_MAX_ATTEMPTS = 5;

    static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    /** The shape of log lines. */
    public enum LogFormat {
        TEXT,
        JSON
    }

    public OpsConfig {
        Objects.requireNonNull(httpHost, "httpHost");
        apiKeys = List.copyOf(Objects.requireNonNull(apiKeys, "apiKeys"));
        corsOrigins = List.copyOf(Objects.requireNonNull(corsOrigins, "corsOrigins"));
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(logLevel, "logLevel");
        requireHost(httpHost);
        for (String key : apiKeys) {
            if (key.isEmpty() || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ',')) {
                throw new IllegalArgumentException(
                        "CONTENT_API_KEYS must be comma-separated keys of printable ASCII characters without spaces");
            }
        }
        corsOrigins.forEach(OpsConfig::requireOrigin);
        if (!LOG_LEVELS.contains(logLevel)) {
            throw new IllegalArgumentException(
                    "CONTENT_LOG_LEVEL must be one of " + String.join(", ", LOG_LEVELS) + ", was '" + logLevel + "'");
        }
        if (jobMaxAttempts < 1 || jobMaxAttempts > 100) {
            throw new IllegalArgumentException("CONTENT_JOB_MAX_ATTEMPTS must be 1..100, was " + jobMaxAttempts);
        }
    }

    /** The defaults: every interface, open, no CORS, text logs at INFO, three claims. */
    public static OpsConfig defaults() {
        return new OpsConfig("0.0.0.0", List.of(), false, List.of(), LogFormat.TEXT, "INFO", DEFAULT_JOB_MAX_ATTEMPTS);
    }

    static OpsConfig from(ContentConfig.Settings settings) {
        return new OpsConfig(
                settings.text("CONTENT_HTTP_HOST").orElse("0.0.0.0"),
                settings.list("CONTENT_API_KEYS"),
                settings.bool("CONTENT_OPS_REQUIRE_KEY", false),
                settings.list("CONTENT_CORS_ORIGINS").stream()
                        .map(origin -> origin.replaceAll("/+$", ""))
                        .toList(),
                settings.text("CONTENT_LOG_FORMAT").map(OpsConfig::parseFormat).orElse(LogFormat.TEXT),
                settings.text("CONTENT_LOG_LEVEL")
                        .map(level -> level.toUpperCase(Locale.ROOT))
                        .orElse("INFO"),
                settings.integer("CONTENT_JOB_MAX_ATTEMPTS", DEFAULT_JOB_MAX_ATTEMPTS));
    }

    public OpsConfig withApiKeys(List<String> keys) {
        return new OpsConfig(httpHost, keys, opsRequireKey, corsOrigins, logFormat, logLevel, jobMaxAttempts);
    }

    public OpsConfig withOpsRequireKey(boolean value) {
        return new OpsConfig(httpHost, apiKeys, value, corsOrigins, logFormat, logLevel, jobMaxAttempts);
    }

    public OpsConfig withCorsOrigins(List<String> origins) {
        return new OpsConfig(httpHost, apiKeys, opsRequireKey, origins, logFormat, logLevel, jobMaxAttempts);
    }

    public OpsConfig withHttpHost(String host) {
        return new OpsConfig(host, apiKeys, opsRequireKey, corsOrigins, logFormat, logLevel, jobMaxAttempts);
    }

    /** Safe to log: the keys are counted, never shown. */
    @Override
    public String toString() {
        return "OpsConfig[httpHost=" + httpHost + ", apiKeys=" + apiKeys.size() + " key(s), opsRequireKey="
                + opsRequireKey + ", corsOrigins=" + corsOrigins + ", logFormat=" + logFormat + ", logLevel="
                + logLevel + ", jobMaxAttempts=" + jobMaxAttempts + "]";
    }

    private static LogFormat parseFormat(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default ->
                throw new IllegalArgumentException("CONTENT_LOG_FORMAT must be 'text' or 'json', was '" + value + "'");
        };
    }

    private static void requireHost(String host) {
        String problem = "CONTENT_HTTP_HOST must be an IP address or a host name of this machine (for example"
                + " 0.0.0.0 or 127.0.0.1), was '" + host + "'";
        if (host.isBlank() || !host.matches("[A-Za-z0-9.:\\[\\]%_-]+")) {
            throw new IllegalArgumentException(problem);
        }
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static void requireOrigin(String origin) {
        String problem = "CONTENT_CORS_ORIGINS: each entry must be an origin such as https://app.example.com"
                + " (scheme, host and optional port, nothing else), was '" + origin + "'";
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(problem);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getPath() == null || uri.getPath().isEmpty())
                && uri.getQuery() == null
                && uri.getFragment() == null
                && uri.getUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
            throw new IllegalArgumentException(problem);
        }
    }
}
