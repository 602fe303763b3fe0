package dev.contentservice.testfixtures;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP server in a JVM of its own (the service jar, its {@code Main} on a class path, or the bench's
 * baseline), so that a test can SIGKILL or SIGTERM it. Ready when {@code GET /health/ready} answers 200.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess child;
    private final int port;

    private ServiceProcess(ChildProcess child, int port) {
        this.child = child;
        this.port = port;
    }

    /**
     * {@code java ARGS} (a {@code -jar}, or a class path and a main class) with the {@code CONTENT_*}
     * variables and a free {@code CONTENT_HTTP_PORT}; returns once the service is ready.
     */
    public static ServiceProcess java(String name, List<String> javaArgs, Map<String, String> env, Path logDir) {
        int port = Ports.free();
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("CONTENT_HTTP_PORT", Integer.toString(port));
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(javaArgs);
        return start(name, command, all, port, logDir);
    }

    /** Any command that serves HTTP on {@code port}; returns once it is ready. */
    public static ServiceProcess start(
            String name, List<String> command, Map<String, String> env, int port, Path logDir) {
        ChildProcess child = ChildProcess.start(name, command, env, logDir);
        ServiceProcess process = new ServiceProcess(child, port);
        try {
            child.awaitReady(READY_WITHIN, process::ready);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        return process;
    }

    /** The java of this JVM, so every JVM of a run is the same. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public ChildProcess child() {
        return child;
    }

    public HttpResponse<String> get(String path) throws IOException {
        return send("GET", path);
    }

    public HttpResponse<String> post(String path) throws IOException {
        return send("POST", path);
    }

    /** A POST with a JSON body. */
    public HttpResponse<String> post(String path, String json) throws IOException {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(json));
    }

    public HttpResponse<String> delete(String path) throws IOException {
        return send("DELETE", path);
    }

    /** SIGKILL: the instance dies at once, holding whatever it claimed. */
    public void kill() {
        child.kill();
    }

    /** SIGTERM: the instance shuts down gracefully. */
    public void terminate() {
        child.terminate();
    }

    public String logText() {
        return child.logText();
    }

    private boolean ready() {
        try {
            return get("/health/ready").statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private HttpResponse<String> send(String method, String path) throws IOException {
        return send(method, path, HttpRequest.BodyPublishers.noBody());
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, body)
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

    /** Asks the instance to stop (SIGTERM), then kills it after 5 s. */
    @Override
    public void close() {
        child.close();
    }
}
