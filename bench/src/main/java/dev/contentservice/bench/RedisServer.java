package dev.contentservice.bench;

import dev.contentservice.testfixtures.ChildProcess;
import dev.contentservice.testfixtures.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.RedisClient;

/** The harness's own redis-server on a free loopback port, without persistence. */
final class RedisServer implements AutoCloseable {
    private final ChildProcess child;
    private final int port;
    private final RedisClient client;

    private RedisServer(ChildProcess child, int port, RedisClient client) {
        this.child = child;
        this.port = port;
        this.client = client;
    }

    static RedisServer start(Path logDir) {
        int port = Ports.free();
        ChildProcess child = ChildProcess.start(
                "redis-server",
                List.of(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--maxclients",
                        "10000"),
                Map.of(),
                logDir);
        // a long read timeout: FLUSHALL after a worker run of 100,000 jobs (images in Redis) takes seconds
        RedisClient client = RedisClient.builder()
                .hostAndPort("127.0.0.1", port)
                .clientConfig(redis.clients.jedis.DefaultJedisClientConfig.builder()
                        .socketTimeoutMillis(120_000)
                        .build())
                .build();
        RedisServer server = new RedisServer(child, port, client);
        child.awaitReady(Duration.ofSeconds(10), server::answers);
        return server;
    }

    /** The redis-server's process id, for its CPU time in /proc. */
    long pid() {
        return child.pid();
    }

    private boolean answers() {
        try {
            return "PONG".equals(client.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** A client for the harness's own reads and writes (preloading drafts, reading job records). */
    RedisClient client() {
        return client;
    }

    /** Empties the server, synchronously, so that freeing the last run's memory does not overlap the next one. */
    void flush() {
        client.flushAll();
    }

    @Override
    public void close() {
        client.close();
        child.close();
    }
}
