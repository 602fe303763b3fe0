package dev.contentservice.bootstrap;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The service as its own JVM (started through {@link Main}), so tests can SIGKILL or SIGTERM it. */
final class ServiceProcess implements AutoCloseable {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    ServiceProcess(String name, Map<String, String> env) {
        this.name = name;
        this.port = freePort();
        this.env = env;
        try {
            Path folder = Files.createDirectories(Path.of("target", "instances"));
            this.log = folder.resolve(name + "-" + System.nanoTime() + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ServiceProcess start() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName());
        builder.environment().putAll(env);
        builder.environment().put("CONTENT_HTTP_PORT", Integer.toString(port));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited at start-up; see " + log.toAbsolutePath());
            }
            try {
                if (get("/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            sleep(100);
        }
        throw new IllegalStateException(name + " did not become ready; see " + log.toAbsolutePath());
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) throws IOException {
        return send("GET", path);
    }

    HttpResponse<String> post(String path) throws IOException {
        return send("POST", path);
    }

    /** A POST with a JSON body. */
    HttpResponse<String> post(String path, String json) throws IOException {
        return send("POST", path, json);
    }

    HttpResponse<String> delete(String path) throws IOException {
        return send("DELETE", path);
    }

    private HttpResponse<String> send(String method, String path) throws IOException {
        return send(method, path, null);
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** SIGKILL: the instance dies at once, holding whatever it claimed. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the instance shuts down gracefully. */
    void terminate() {
        process.destroy();
        waitForExit();
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static File javaHome() {
        return new File(System.getProperty("java.home"));
    }
}
