package dev.contentservice.adapter.redis;

import dev.contentservice.domain.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The one place that talks to Jedis: a pooled client with bounded timeouts, and the boundary that turns
 * every Jedis failure into {@link StoreUnavailableException}. After a connection failure the idle
 * connections are dropped (they are most likely dead too, for example after a Redis restart), so the
 * adapter recovers by itself on the next call.
 */
final class Redis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Redis.class);
    /** The longest a blocking queue read waits on the server; the socket waits this long plus its timeout. */
    static final Duration MAX_BLOCK = Duration.ofSeconds(5);

    private final RedisClient client;

    private Redis(RedisClient client) {
        this.client = client;
    }

    static Redis open(RedisSettings settings) {
        DefaultJedisClientConfig.Builder config = clientConfig(settings, "content-service");

        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(settings.poolSize());
        pool.setMaxIdle(settings.poolSize());
        pool.setMinIdle(0);
        pool.setBlockWhenExhausted(true);
        // an exhausted pool is an unavailable store, answered within bounded time, never a hang
        pool.setMaxWait(settings.connectTimeout());
        pool.setTestOnBorrow(false);
        pool.setTestWhileIdle(true);
        pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
        pool.setJmxEnabled(false);

        RedisClient client = RedisClient.builder()
                .hostAndPort(settings.host(), settings.port())
                .clientConfig(config.build())
                .poolConfig(pool)
                .build();
        return new Redis(client);
    }

    /** The connection settings every connection of this adapter uses, named {@code clientName} in Redis. */
    static DefaultJedisClientConfig.Builder clientConfig(RedisSettings settings, String clientName) {
        int socketTimeout = millis(settings.socketTimeout());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis(settings.connectTimeout()))
                .socketTimeoutMillis(socketTimeout)
                .blockingSocketTimeoutMillis(socketTimeout + millis(MAX_BLOCK))
                .database(settings.database())
                .ssl(settings.tls())
                .clientName(clientName);
        settings.user().ifPresent(config::user);
        settings.password().ifPresent(config::password);
        return config;
    }

    /** Runs one operation at the boundary: every Jedis failure becomes {@link StoreUnavailableException}. */
    <T> T call(String what, Function<UnifiedJedis, T> operation) {
        try {
            return operation.apply(client);
        } catch (JedisException e) {
            throw translate(what, e);
        }
    }

    /**
     * Like {@link #call} for an idempotent operation: a connection failure is retried once on a fresh
     * connection, so the first call after a Redis restart does not fail on a stale pooled connection.
     */
    <T> T read(String what, Function<UnifiedJedis, T> operation) {
        try {
            return operation.apply(client);
        } catch (JedisConnectionException first) {
            if (timedOut(first)) {
                throw translate(what, first); // a server that does not answer gets no second wait
            }
            dropIdleConnections();
            return call(what, operation);
        } catch (JedisException e) {
            throw translate(what, e);
        }
    }

    /**
     * Runs a script by its SHA1 (EVALSHA), falling back to EVAL, which also caches it, when the server
     * does not know it (yet, or any more after a restart or SCRIPT FLUSH). Not retried: scripts write.
     */
    Object script(Script script, List<String> keys, List<String> args) {
        return call(script.name(), jedis -> {
            try {
                return jedis.evalsha(script.sha(), keys, args);
            } catch (JedisDataException e) {
                if (!isNoScript(e)) {
                    throw e;
                }
                return jedis.eval(script.source(), keys, args);
            }
        });
    }

    /** {@link #script} with binary keys and arguments (image bytes). */
    Object scriptBinary(Script script, List<byte[]> keys, List<byte[]> args) {
        return call(script.name(), jedis -> {
            try {
                return jedis.evalsha(script.shaBytes(), keys, args);
            } catch (JedisDataException e) {
                if (!isNoScript(e)) {
                    throw e;
                }
                return jedis.eval(script.source().getBytes(StandardCharsets.UTF_8), keys, args);
            }
        });
    }

    /** Whether Redis answers a PING within the timeouts. Never throws. */
    boolean ping() {
        try {
            return "PONG".equalsIgnoreCase(read("ping", UnifiedJedis::ping));
        } catch (RuntimeException e) {
            return false;
        }
    }

    StoreUnavailableException translate(String what, JedisException e) {
        if (e instanceof JedisConnectionException) {
            dropIdleConnections();
        }
        LOG.debug("redis {} failed", what, e);
        return new StoreUnavailableException("redis did not answer (" + what + "): " + summary(e), e);
    }

    private static String summary(JedisException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + abbreviate(message));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static boolean timedOut(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void dropIdleConnections() {
        try {
            client.getPool().clear();
        } catch (RuntimeException ignored) {
            // the pool is closed or busy; nothing more to drop
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    static boolean isNoScript(JedisException e) {
        return e instanceof JedisNoScriptException
                || (e instanceof JedisDataException
                        && String.valueOf(e.getMessage()).startsWith("NOSCRIPT"));
    }

    /** A Lua script from the classpath, run by SHA1 with a fallback to EVAL (which also caches it). */
    static final class Script {
        private final String name;
        private final String source;
        private final String sha;

        private Script(String name, String source) {
            this.name = name;
            this.source = source;
            this.sha = sha1(source);
        }

        static Script load(String name) {
            String resource = name + ".lua";
            try (InputStream in = Redis.class.getResourceAsStream(resource)) {
                Objects.requireNonNull(in, "missing script resource " + resource);
                return new Script(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read script " + resource, e);
            }
        }

        String name() {
            return name;
        }

        String sha() {
            return sha;
        }

        byte[] shaBytes() {
            return sha.getBytes(StandardCharsets.US_ASCII);
        }

        String source() {
            return source;
        }

        private static String sha1(String text) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is part of every JVM", e);
            }
        }
    }
}
