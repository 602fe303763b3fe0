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
    private final HttpServer server;
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int failWith;
    private volatile String holdWhenBodyContains;
    private final java.util.List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final byte[] png = png();

    ProviderStub(Duration delay) {
        String body = "{\"created\":1700000000,\"data\":[{\"b64_json\":\""
                + Base64.getEncoder().encodeToString(png()) + "\"}]}";
        byte[] answer = body.getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/images/generations", exchange -> {
            requests.incrementAndGet();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            bodies.add(requestBody);
            String hold = holdWhenBodyContains;
            if (hold != null && requestBody.contains(hold)) {
                return; // never answered (the connection stays open until the client goes away)
            }
            int status = failWith;
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
        server.start();
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

    /** From now on a request whose body contains {@code text} is never answered; null answers all again. */
    void holdWhenBodyContains(String text) {
        this.holdWhenBodyContains = text;
    }

    /** Every request body received, in order. */
    java.util.List<String> bodies() {
        return java.util.List.copyOf(bodies);
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
