package dev.contentservice.adapter.objectstore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real S3 API server for a test class: S3Proxy over a temporary folder, as a child JVM on a free port of
 * its own (S3Proxy embeds Jetty 11, which must never share a classpath with Javalin 7's Jetty 12). Its
 * classpath is the resource {@code s3proxy.classpath} that this module's build writes. Register it as a
 * static field; {@link #stop()} and {@link #start()} stop and restart it on the same port and folder, for
 * outage tests. Buckets are folders: {@link #createBucket(String)}.
 */
public final class S3ProxyServer implements BeforeAllCallback, AfterAllCallback {
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key-never-logged";
    // a cold JVM with 180 jars: about 10 s on a loaded 2-core machine
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private int port;
    private Path root;
    private Path baseDir;
    private Process process;
    private String owner;
    private boolean shutdownHookAdded;
    private volatile String lastProblem = "";

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (owner == null) {
            owner = context.getUniqueId();
            root = Files.createTempDirectory("s3proxy-");
            baseDir = Files.createDirectories(root.resolve("buckets"));
            port = freePort();
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (context.getUniqueId().equals(owner)) {
            stop();
            deleteRecursively(root);
            owner = null;
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:{port}}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Settings for a bucket of this server, path style, with this server's keys. */
    public S3Settings settings(String bucket) {
        return S3Settings.compatible(endpoint(), bucket, ACCESS_KEY, SECRET_KEY);
    }

    /** Creates an empty bucket (a folder of the server's base directory). */
    public void createBucket(String bucket) {
        try {
            Files.createDirectories(baseDir.resolve(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder where the server keeps a bucket's objects (one file per object key). */
    public Path bucketFolder(String bucket) {
        return baseDir.resolve(bucket);
    }

    /** Starts (or restarts, on the same port and folder) the server and waits until it answers HTTP. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Path properties = root.resolve("s3proxy.properties");
            Files.writeString(
                    properties,
                    String.join(
                            "\n",
                            "s3proxy.endpoint=http://127.0.0.1:" + port,
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + ACCESS_KEY,
                            "s3proxy.credential=" + SECRET_KEY,
                            "jclouds.provider=filesystem",
                            "jclouds.filesystem.basedir=" + baseDir,
                            ""));
            Path logbackConfig = root.resolve("logback.xml");
            Files.writeString(
                    logbackConfig,
                    "<configuration><appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                            + "<encoder><pattern>%d %level %logger{20} %msg%n</pattern></encoder></appender>"
                            + "<root level=\"WARN\"><appender-ref ref=\"OUT\"/></root></configuration>");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-Dlogback.configurationFile=" + logbackConfig);
            command.add("-cp");
            command.add(classpath());
            command.add("org.gaul.s3proxy.Main");
            command.add("--properties");
            command.add(properties.toString());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(root.resolve("s3proxy.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start S3Proxy", e);
        }
        if (!shutdownHookAdded) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "s3proxy-stop-" + port));
            shutdownHookAdded = true;
        }
        long end = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ": " + log());
            }
            if (answers()) {
                return;
            }
            pause(50);
        }
        stop();
        throw new IllegalStateException(
                "S3Proxy did not answer on port " + port + " within " + STARTUP + " (" + lastProblem + "): " + log());
    }

    /** Stops the server at once (its folder, and so the objects, stay). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    private boolean answers() {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) endpoint().resolve("/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            int status = connection.getResponseCode(); // an anonymous request: 403, but an answer
            connection.disconnect();
            return status > 0;
        } catch (IOException e) {
            lastProblem = e.toString();
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(root.resolve("s3proxy.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The jars of S3Proxy and its dependencies, as this module's build listed them. */
    static String classpath() {
        try (InputStream in = S3ProxyServer.class.getResourceAsStream("s3proxy.classpath")) {
            if (in == null) {
                throw new IllegalStateException(
                        "s3proxy.classpath is missing: the adapter-objectstore build writes it (generate-test-resources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
