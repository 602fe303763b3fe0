package dev.contentservice.adapter.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Redis and how the queue behaves. Validated eagerly; {@link #of(String)} gives the defaults.
 *
 * @param url {@code redis://[user:password@]host[:port][/db]}, or {@code rediss://…} for TLS
 * @param connectTimeout how long opening a connection may take
 * @param socketTimeout how long one command may wait for its answer (a blocking queue read waits longer,
 *     by exactly its own block time)
 * @param poolSize connections at most; every poller of the worker holds one while it waits for a job
 * @param lease how long a claimed job may go without renewal before another worker may claim it again
 */
public record RedisSettings(URI url, Duration connectTimeout, Duration socketTimeout, int poolSize, Duration lease) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_POOL_SIZE = 32;
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    private static final int DEFAULT_PORT = 6379;

    public RedisSettings {
        Objects.requireNonNull(url, "url must not be null");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("url must start with redis:// or rediss://");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new IllegalArgumentException("url must name a host, for example redis://localhost:6379");
        }
        String path = url.getPath() == null ? "" : url.getPath();
        if (!path.isEmpty() && !path.equals("/") && !path.matches("/\\d{1,5}")) {
            throw new IllegalArgumentException("url path must be empty or a database number, for example /0");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(socketTimeout, "socketTimeout");
        if (poolSize < 4) {
            throw new IllegalArgumentException("poolSize must be >= 4, was " + poolSize);
        }
        requirePositive(lease, "lease");
        if (lease.toMillis() < 100) {
            throw new IllegalArgumentException("lease must be at least 100 ms, was " + lease);
        }
    }

    /** The settings for a URL with the defaults: timeouts 2 s, pool of 32, lease 60 s. */
    public static RedisSettings of(String url) {
        Objects.requireNonNull(url, "url must not be null");
        try {
            return new RedisSettings(
                    new URI(url.strip()), DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, DEFAULT_POOL_SIZE, DEFAULT_LEASE);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URI (redis://host:port/db)", e);
        }
    }

    public RedisSettings withTimeouts(Duration connect, Duration socket) {
        return new RedisSettings(url, connect, socket, poolSize, lease);
    }

    public RedisSettings withPoolSize(int value) {
        return new RedisSettings(url, connectTimeout, socketTimeout, value, lease);
    }

    public RedisSettings withLease(Duration value) {
        return new RedisSettings(url, connectTimeout, socketTimeout, poolSize, value);
    }

    public String host() {
        return url.getHost();
    }

    public int port() {
        return url.getPort() == -1 ? DEFAULT_PORT : url.getPort();
    }

    public boolean tls() {
        return url.getScheme().equalsIgnoreCase("rediss");
    }

    public int database() {
        String path = url.getPath() == null ? "" : url.getPath();
        return path.length() > 1 ? Integer.parseInt(path.substring(1)) : 0;
    }

    /** The ACL user, when the URL names one ({@code redis://user:password@host}). */
    public Optional<String> user() {
        return userInfoPart(0).filter(user -> !user.isEmpty());
    }

    /** The password, when the URL holds one ({@code redis://:password@host} or with a user). */
    public Optional<String> password() {
        String info = url.getRawUserInfo();
        if (info == null) {
            return Optional.empty();
        }
        return info.contains(":") ? userInfoPart(1) : Optional.of(decode(info));
    }

    private Optional<String> userInfoPart(int index) {
        String info = url.getRawUserInfo();
        if (info == null || (index == 0 && !info.contains(":"))) {
            return Optional.empty();
        }
        String[] parts = info.split(":", 2);
        return Optional.of(decode(parts[index]));
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "RedisSettings[url=" + url.getScheme() + "://"
                + user().map(u -> u + ":***@").orElse(password().isPresent() ? ":***@" : "")
                + host() + ":" + port() + "/" + database() + ", connectTimeout=" + connectTimeout + ", socketTimeout="
                + socketTimeout + ", poolSize=" + poolSize + ", lease=" + lease + "]";
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
