package dev.contentservice.bootstrap;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A stand-in OpenAI-compatible image provider on loopback: answers {@code POST /images/generations}
 * with a small base64 PNG after a fixed delay, without holding a thread while it waits.
 */
final class ProviderStub implements AutoCloseable {
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int failWith;
    private final byte[] png = png();

    private final byte[] answer;
    private final Duration delay;
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile HttpServer server;

    ProviderStub(Duration delay) {
        String body = "{\"created\":1700000000,\"data\":[{\"b64_json\":\""
                + Base64.getEncoder().encodeToString(png()) + "\"}]}";
        this.answer = body.getBytes(StandardCharsets.UTF_8);
        this.delay = delay;
        this.server = serve(0);
    }

    private HttpServer serve(int port) {
        HttpServer created;
        try {
            created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        created.setExecutor(Executors.newFixedThreadPool(4));
        created.createContext("/v1/images/generations", exchange -> {
            requests.incrementAndGet();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : failWith;
            if (status != 0) {
                byte[] error = "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"
                        .getBytes(StandardCharsets.UTF_8);
                try (exchange) {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, error.length);
                    exchange.getResponseBody().write(error);
                }
                return;
            }
            delays.schedule(
                    () -> {
                        try (exchange) {
                            exchange.getResponseHeaders().set("Content-Type", "application/json");
                            exchange.sendResponseHeaders(200, answer.length);
                            exchange.getResponseBody().write(answer);
                        } catch (IOException ignored) {
                            // the client went away (an instance was killed): nothing to answer
                        }
                    },
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        });
        created.start();
        return created;
    }

    /** Stops and starts again on the same port: every connection the clients hold is dead. */
    synchronized void restart() {
        int port = server.getAddress().getPort();
        server.stop(0);
        server = serve(port);
    }

    /** The next {@code count} requests are answered with HTTP 500, then the image again. */
    void failNext(int count) {
        failNext.set(count);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    int requests() {
        return requests.get();
    }

    /** From now on every request is answered with this status (0: answer with the image again). */
    void failWith(int status) {
        this.failWith = status;
    }

    java.util.List<String> authorizations() {
        return authorizations;
    }

    /** The PNG every successful answer carries. */
    byte[] image() {
        return png.clone();
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 8, 8);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
            delays.shutdownNow();
        }
    }
}
