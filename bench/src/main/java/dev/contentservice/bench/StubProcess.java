package dev.contentservice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.testfixtures.ChildProcess;
import dev.contentservice.testfixtures.ProviderStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The stand-in provider in a process of its own ({@code bench.jar stub <delayMillis>}, serial collector,
 * 64 MiB heap), so that its answers do not wait out the harness's collections and the harness's clocks do
 * not wait out its work. Its counts are read over HTTP ({@link ProviderStub#STATS_PATH}).
 */
final class StubProcess implements AutoCloseable {
    /** What {@code bench.jar stub} prints before its base URL. */
    static final String URL_LINE = "STUB_URL ";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    private StubProcess(ChildProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static StubProcess start(String name, Duration delay, Path benchJar, Path logDir) {
        // the log is appended to run after run: only what this process writes counts
        int earlier = logLength(logDir.resolve(name + ".log"));
        ChildProcess process = ChildProcess.start(
                name,
                Benchmarks.javaCommand(
                        "-XX:+UseSerialGC",
                        "-Xmx64m",
                        "-jar",
                        benchJar.toString(),
                        "stub",
                        Long.toString(delay.toMillis())),
                Map.of(),
                logDir);
        try {
            process.awaitReady(
                    Duration.ofSeconds(30), () -> url(process, earlier).isPresent());
            return new StubProcess(process, url(process, earlier).orElseThrow());
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** The base URL to configure as {@code CONTENT_IMAGEGEN_URL}. */
    String baseUrl() {
        return baseUrl;
    }

    long received() {
        return stats().path("received").asLong();
    }

    long answered() {
        return stats().path("answered").asLong();
    }

    private JsonNode stats() {
        String root = baseUrl.substring(0, baseUrl.lastIndexOf('/'));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(root + ProviderStub.STATS_PATH))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int logLength(Path log) {
        try {
            return Files.isRegularFile(log)
                    ? Files.readString(log, StandardCharsets.UTF_8).length()
                    : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> url(ChildProcess process, int skip) {
        String text = process.logText();
        return text.substring(Math.min(skip, text.length()))
                .lines()
                .filter(line -> line.startsWith(URL_LINE))
                .map(line -> line.substring(URL_LINE.length()).trim())
                .findFirst();
    }

    @Override
    public void close() {
        process.close();
    }
}
