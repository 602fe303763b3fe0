package dev.contentservice.bench;

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
 * An HTTP server the harness runs in a JVM of its own: the real service jar configured by environment
 * variables only, or the baseline app. Ready when {@code GET /health/ready} answers 200.
 */
final class ServiceProcess implements AutoCloseable {
    private static final HttpClient PROBE =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Child child;
    private final int port;

    private ServiceProcess(Child child, int port) {
        this.child = child;
        this.port = port;
    }

    /** {@code java -jar content-service.jar} with {@code CONTENT_*} variables (the port is added). */
    static ServiceProcess service(String name, Path jar, Map<String, String> env, Path logDir) {
        int port = Ports.free();
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("CONTENT_HTTP_PORT", Integer.toString(port));
        return start(name, List.of(java(), "-jar", jar.toString()), all, port, logDir);
    }

    /** The baseline app from this jar. */
    static ServiceProcess baseline(Path benchJar, int redisPort, Path logDir) {
        int port = Ports.free();
        List<String> command = List.of(
                java(), "-jar", benchJar.toString(), "baseline", Integer.toString(port), Integer.toString(redisPort));
        return start("baseline", command, Map.of(), port, logDir);
    }

    private static ServiceProcess start(
            String name, List<String> command, Map<String, String> env, int port, Path logDir) {
        Child child = Child.start(name, command, env, logDir);
        ServiceProcess process = new ServiceProcess(child, port);
        try {
            child.awaitReady(Duration.ofSeconds(60), process::ready);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        return process;
    }

    /** The java of this JVM, so every JVM of a run is the same. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(List.of(args));
        return command;
    }

    private boolean ready() {
        try {
            HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                    .timeout(Duration.ofSeconds(1))
                    .build();
            return PROBE.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Child child() {
        return child;
    }

    @Override
    public void close() {
        child.close();
    }
}
