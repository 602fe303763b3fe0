package dev.contentservice.adapter.rest;

import dev.contentservice.application.AwaitJobStatus;
import dev.contentservice.application.CancelJob;
import dev.contentservice.application.ChooseStyle;
import dev.contentservice.application.ComposePosters;
import dev.contentservice.application.EditDraftImages;
import dev.contentservice.application.JobDurationEstimator;
import dev.contentservice.application.JobMetrics;
import dev.contentservice.application.JobWebhooks;
import dev.contentservice.application.ReadDraftImages;
import dev.contentservice.application.ReadJobStatus;
import dev.contentservice.application.RequestImageEdit;
import dev.contentservice.application.RequestImageGeneration;
import dev.contentservice.application.TextMode;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.JobChanges;
import dev.contentservice.domain.RecommendationSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The real server on a free port of the loopback interface, wired to the real use cases over {@link
 * Fakes}, and clients to talk to it over real HTTP: {@link HttpClient} for well-formed requests, a raw
 * socket for the malformed ones {@link HttpClient} refuses to send.
 */
final class RunningServer implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    final Fakes.Recommendations recommendations = new Fakes.Recommendations();
    final Fakes.Jobs jobs = new Fakes.Jobs();
    final Fakes.ImageSets imageSets = new Fakes.ImageSets();
    final Fakes.Images images = new Fakes.Images();
    final AtomicReference<Map<String, Boolean>> readiness = new AtomicReference<>(Map.of("jobs", true));
    /** Every request the server reported, as "METHOD route status". */
    final java.util.List<String> requestsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

    final AtomicReference<Supplier<String>> metrics =
            new AtomicReference<>(() -> "# TYPE content_jobs_created_total counter\ncontent_jobs_created_total 0.0\n");

    /** The re-check of waited jobs, short so that tests of lost notices run quickly. */
    static final Duration RECHECK = Duration.ofMillis(200);

    final AwaitJobStatus awaits;
    final JobDurationEstimator estimates = new JobDurationEstimator(CLOCK);
    private static final java.util.concurrent.ExecutorService ASYNC_CLIENTS =
            java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "test-client");
                thread.setDaemon(true);
                return thread;
            });
    private final ContentHttpServer server;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final int port;

    RunningServer() {
        this(HttpSettings.onPort(0).withHost("127.0.0.1"));
    }

    RunningServer(HttpSettings settings) {
        ReadJobStatus reads = new ReadJobStatus(jobs, imageSets, Clock.systemUTC());
        awaits = new AwaitJobStatus(reads, jobs, RECHECK);
        server = new ContentHttpServer(
                settings,
                new RequestImageGeneration(recommendations, jobs, CLOCK, JobMetrics.NONE),
                reads,
                awaits,
                estimates,
                images,
                new ReadDraftImages(imageSets),
                new ChooseStyle(imageSets),
                () -> readiness.get(),
                () -> metrics.get().get(),
                Optional.of(new CancelJob(jobs, CLOCK, JobMetrics.NONE, JobWebhooks.NONE)),
                (method, route, status, took) -> requestsSeen.add(method + " " + route + " " + status),
                Optional.of(new RequestImageEdit(
                        editsOver(imageSets, recommendations, images), jobs, CLOCK, JobMetrics.NONE)));
        port = server.start();
    }

    /**
     * The edit use case over the fakes; its composer is never reached here (the request only checks the
     * edit, the worker that applies it is not part of this server).
     */
    static EditDraftImages editsOver(
            ImageSetRepository imageSets, RecommendationSource recommendations, ImageStore images) {
        ComposePosters posters = new ComposePosters(
                Optional.empty(),
                false,
                TextMode.OVERLAY,
                request -> CompletableFuture.failedFuture(new IllegalStateException("no composer in the REST tests")),
                images,
                name -> "http://img/" + name.value(),
                Runnable::run);
        return new EditDraftImages(imageSets, recommendations, posters, CLOCK);
    }

    /** The server over the given use cases and image store instead of the {@link Fakes}. */
    RunningServer(RequestImageGeneration requests, ReadJobStatus statuses, ImageStore imageStore) {
        this(requests, statuses, listener -> () -> {}, imageStore);
    }

    /** The server over the given use cases, change notices and image store instead of the {@link Fakes}. */
    RunningServer(RequestImageGeneration requests, ReadJobStatus statuses, JobChanges changes, ImageStore imageStore) {
        awaits = new AwaitJobStatus(statuses, changes, RECHECK);
        server = new ContentHttpServer(
                HttpSettings.onPort(0).withHost("127.0.0.1"),
                requests,
                statuses,
                awaits,
                estimates,
                imageStore,
                new ReadDraftImages(imageSets),
                new ChooseStyle(imageSets),
                () -> readiness.get(),
                () -> metrics.get().get(),
                Optional.empty(),
                (method, route, status, took) -> requestsSeen.add(method + " " + route + " " + status),
                Optional.empty());
        port = server.start();
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Answer get(String path) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody());
    }

    /** A GET with extra headers (name, value, name, value, ...) that may take up to {@code timeout}. */
    Answer get(String path, Duration timeout, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).GET().timeout(timeout);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder, "GET " + path);
    }

    /** The same, sent without waiting for the answer. */
    CompletableFuture<Answer> getAsync(String path, Duration timeout, String... headers) {
        return CompletableFuture.supplyAsync(() -> get(path, timeout, headers), ASYNC_CLIENTS);
    }

    Answer post(String path) {
        return send("POST", path, HttpRequest.BodyPublishers.noBody());
    }

    Answer send(String method, String path, String body) {
        return send(method, path, HttpRequest.BodyPublishers.ofString(body));
    }

    Answer send(String method, String path, HttpRequest.BodyPublisher body) {
        return send(HttpRequest.newBuilder(uri(path)).method(method, body), method + " " + path);
    }

    Answer send(HttpRequest.Builder builder, String what) {
        HttpRequest probe = builder.copy().build();
        if (probe.timeout().isEmpty()) {
            builder.timeout(Duration.ofSeconds(10));
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            return new Answer(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the request line as given (no validation, no encoding) and reads the answer to its end. */
    Answer raw(String requestLine, String... headerLines) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n");
        request.append("Host: 127.0.0.1:").append(port).append("\r\n");
        for (String header : headerLines) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        return rawBytes(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    Answer rawBytes(byte[] request) {
        return rawBytes(request, false);
    }

    /** {@link #rawBytes}, and then the client says it sends nothing more (its side of the connection is shut). */
    Answer rawBytesThenHalfClose(byte[] request) {
        return rawBytes(request, true);
    }

    private Answer rawBytes(byte[] request, boolean halfClose) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("raw request failed", e);
        }
    }

    private static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IllegalStateException("no complete HTTP answer: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(
                    lines[i].substring(0, colon).trim(),
                    lines[i].substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(response, headEnd + 4, response.length);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", ""))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, at);
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("malformed chunked body");
    }

    @Override
    public void close() {
        server.stop();
        awaits.close();
    }

    /** An HTTP answer: status, headers (case-insensitive names) and body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name);
        }

        Map<String, Object> json() {
            return TestJson.read(body);
        }

        String contentType() {
            return headers.getOrDefault("Content-Type", "").toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            Map<String, String> shown = new LinkedHashMap<>(headers);
            return status + " " + shown + " " + text();
        }
    }
}
