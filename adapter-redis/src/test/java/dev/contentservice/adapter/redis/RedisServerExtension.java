package dev.contentservice.adapter.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisExecProvider;

/**
 * A real {@code redis-server} for a test class, on a free port of its own: started before the class,
 * flushed before each test, stopped after the class. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisServerExtension REDIS = new RedisServerExtension();
 * }</pre>
 *
 * <p>It runs {@code redis-server} from the PATH when there is one, else the statically linked Redis 7
 * binary shipped in {@code org.signal:embedded-redis}, so the tests pass on a machine without Redis. The
 * system property {@value #FORCE_EMBEDDED} (or {@link #embedded()}) forces the shipped binary. {@link
 * #stop()} and {@link #start()} stop and restart the server on the same port, for outage tests.
 */
public final class RedisServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    /** Set to {@code true} to use the binary shipped in embedded-redis even when redis-server is installed. */
    public static final String FORCE_EMBEDDED = "contentservice.test.redis.embedded";

    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final boolean forceEmbedded;
    private int port;
    private Path binary;
    private boolean embeddedBinary;
    private Process process;
    private String owner;
    private boolean shutdownHookAdded;

    public RedisServerExtension() {
        this(Boolean.getBoolean(FORCE_EMBEDDED));
    }

    private RedisServerExtension(boolean forceEmbedded) {
        this.forceEmbedded = forceEmbedded;
    }

    /** An extension that always uses the binary shipped in embedded-redis. */
    public static RedisServerExtension embedded() {
        return new RedisServerExtension(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner == null) {
            owner = context.getUniqueId();
            binary = locateBinary();
            port = freePort();
            start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (process != null && process.isAlive()) {
            flushAll();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // @Nested classes inherit the extension and share the server: only the class that started it stops it
        if (context.getUniqueId().equals(owner)) {
            stop();
            owner = null;
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:{port}}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Settings for this server with the default timeouts and lease. */
    public RedisSettings settings() {
        return RedisSettings.of(url());
    }

    /** Whether the server runs the binary shipped in embedded-redis (rather than one from the PATH). */
    public boolean usesEmbeddedBinary() {
        return embeddedBinary;
    }

    /** Starts (or restarts, on the same port) the server and waits until it answers PING. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(List.of(
                            binary.toString(),
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--protected-mode",
                            "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        if (!shutdownHookAdded) {
            // a test JVM that dies without afterAll must not leave a redis-server behind
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "redis-server-stop-" + port));
            shutdownHookAdded = true;
        }
        long end = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(binary + " exited with " + process.exitValue() + " on port " + port);
            }
            if (command("PING").startsWith("+PONG")) {
                return;
            }
            pause(20);
        }
        stop();
        throw new IllegalStateException(binary + " did not answer on port " + port + " within " + STARTUP);
    }

    /** Stops the server (its data is gone: it saves nothing). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Deletes every key (and every script of the script cache stays: FLUSHALL keeps it). */
    public void flushAll() {
        String reply = command("FLUSHALL");
        if (!reply.startsWith("+OK")) {
            throw new IllegalStateException("FLUSHALL answered " + reply);
        }
    }

    /**
     * Lets {@code duration} pass on the server, as far as TTLs go: every key with a TTL has it shortened
     * by {@code duration}, and a key whose TTL would run out is deleted, in one atomic script. Tests of
     * TTLs thereby never wait for them.
     */
    public void letTimePass(Duration duration) {
        try (RedisClient client = RedisClient.create(url())) {
            client.eval(AGE_KEYS, 0, Long.toString(duration.toMillis()));
        }
    }

    private static final String AGE_KEYS = """
            local by = tonumber(ARGV[1])
            for _, key in ipairs(redis.call('KEYS', '*')) do
              local ttl = redis.call('PTTL', key)
              if ttl > 0 then
                if ttl <= by then redis.call('DEL', key) else redis.call('PEXPIRE', key, ttl - by) end
              end
            end
            return 1
            """;

    /** Sends one inline command over a plain socket and answers the first line of the reply ("" if none). */
    private String command(String inline) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            return line.toString().strip();
        } catch (IOException e) {
            return "";
        }
    }

    private Path locateBinary() {
        if (!forceEmbedded) {
            Optional<Path> onPath = findOnPath("redis-server");
            if (onPath.isPresent()) {
                embeddedBinary = false;
                return onPath.get();
            }
        }
        try {
            File shipped = RedisExecProvider.defaultProvider().get();
            if (!shipped.canExecute() && !shipped.setExecutable(true)) {
                throw new IllegalStateException("cannot make " + shipped + " executable");
            }
            embeddedBinary = true;
            return shipped.toPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the redis-server shipped in embedded-redis", e);
        }
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
