package dev.contentservice.testfixtures;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for an OpenAI-compatible image API on 127.0.0.1: {@code POST {base}/images/generations}
 * answers {@code {"created":…,"data":[{"b64_json":"<a 1×1 PNG, or the picture given>"}]}} after a delay that can be changed
 * while it runs, or with an error status when told to. A waiting request holds no thread (its answer is
 * scheduled), so thousands can wait at once. It keeps the body and the {@code Authorization} header of every
 * request for the tests to read, unless started with {@link #startCounting}.
 */
public final class ProviderStub implements AutoCloseable {
    /** A valid 1×1 transparent PNG: the image of every successful answer. */
    public static final byte[] TINY_PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private volatile byte[] answerTail = answerTail(TINY_PNG);
    private volatile byte[] image = TINY_PNG;
    private static final byte[] ERROR_BODY =
            "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}".getBytes(StandardCharsets.UTF_8);

    /** Where {@link #received()} and {@link #answered()} can be read over HTTP. */
    public static final String STATS_PATH = "/stats";

    private volatile HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService timer;
    private final AtomicLong delayMillis = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final boolean recording;
    private final Queue<String> authorizations = new ConcurrentLinkedQueue<>();
    private volatile int failWith;
    private volatile String holdWhenBodyContains;
    private final Queue<String> bodies = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger failNext = new java.util.concurrent.atomic.AtomicInteger();
    private boolean closed;

    private ProviderStub(
            HttpServer server, ExecutorService handlers, ScheduledExecutorService timer, boolean recording) {
        this.server = server;
        this.recording = recording;
        this.handlers = handlers;
        this.timer = timer;
    }

    /** Starts the stub on a free loopback port, answering after {@code delay}. */
    public static ProviderStub start(Duration delay) throws IOException {
        return start(delay, true);
    }

    /**
     * As {@link #start}, but keeps no request's body or header, only the counts ({@link #received()},
     * {@link #answered()}): for a stand-in that answers tens of thousands of calls, such as the bench's,
     * whose memory would otherwise grow with every call.
     */
    public static ProviderStub startCounting(Duration delay) throws IOException {
        return start(delay, false);
    }

    private static ProviderStub start(Duration delay, boolean recording) throws IOException {
        // without TCP_NODELAY, Nagle's algorithm and the client's delayed ACK add ~40 ms to small answers
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        ExecutorService handlers = Executors.newFixedThreadPool(4, DaemonThreads.named("stub-http"));
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, DaemonThreads.named("stub-timer"));
        ProviderStub stub = new ProviderStub(server, handlers, timer, recording);
        stub.delay(delay);
        server.createContext("/v1/images/generations", stub::handle);
        server.createContext(STATS_PATH, stub::stats);
        server.setExecutor(handlers);
        server.start();
        return stub;
    }

    /** The base URL to configure as {@code CONTENT_IMAGEGEN_URL}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** From now on answers come after {@code delay}. */
    public void delay(Duration delay) {
        delayMillis.set(delay.toMillis());
    }

    /** From now on every request is answered with this status (0: answer with the image again). */
    public void failWith(int status) {
        this.failWith = status;
    }

    /** The next {@code count} requests are answered with HTTP 500, then the image again. */
    public void failNext(int count) {
        failNext.set(count);
    }

    /** Stops and starts again on the same port: every connection a client holds to it is dead. */
    public synchronized void restart() throws IOException {
        int port = server.getAddress().getPort();
        server.stop(0);
        HttpServer again = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        again.createContext("/v1/images/generations", this::handle);
        again.createContext(STATS_PATH, this::stats);
        again.setExecutor(handlers);
        again.start();
        server = again;
    }

    /** From now on a request whose body contains {@code text} is never answered; null answers every one again. */
    public void holdWhenBodyContains(String text) {
        this.holdWhenBodyContains = text;
    }

    /** The body of every request so far, in order. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** Requests received so far. */
    public long received() {
        return received.get();
    }

    /** Images answered so far. */
    public long answered() {
        return answered.get();
    }

    /** The {@code Authorization} header of every request so far ({@code "null"} when absent), in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The PNG every successful answer carries: {@link #TINY_PNG} unless {@link #answerWith} changed it. */
    public byte[] image() {
        return image.clone();
    }

    /** From now on every successful answer carries this picture (for example a plausible art image). */
    public void answerWith(byte[] png) {
        byte[] copy = png.clone();
        answerTail = answerTail(copy);
        image = copy;
    }

    private static byte[] answerTail(byte[] png) {
        return ("\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(png) + "\"}]}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code GET /stats}: {@code {"received":N,"answered":M}}, for a harness that runs the stub in another process. */
    private void stats(HttpExchange exchange) {
        send(
                exchange,
                200,
                ("{\"received\":" + received.get() + ",\"answered\":" + answered.get() + "}")
                        .getBytes(StandardCharsets.US_ASCII));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestBody;
        try (InputStream body = exchange.getRequestBody()) {
            requestBody = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
        received.incrementAndGet();
        if (recording) {
            bodies.add(requestBody);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : failWith;
        if (status != 0) {
            send(exchange, status, ERROR_BODY);
            return;
        }
        String hold = holdWhenBodyContains;
        if (hold != null && requestBody.contains(hold)) {
            return; // never answered: the connection stays open until the client goes away
        }
        long delay = delayMillis.get();
        if (delay <= 0) {
            answer(exchange);
        } else {
            timer.schedule(() -> answer(exchange), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void answer(HttpExchange exchange) {
        byte[] head = ("{\"created\":" + (System.currentTimeMillis() / 1000) + ",").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = answerTail;
        byte[] body = new byte[head.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, head.length, tail.length);
        if (send(exchange, 200, body)) {
            answered.incrementAndGet();
        }
    }

    private static boolean send(HttpExchange exchange, int status, byte[] body) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            return true;
        } catch (IOException e) {
            return false; // the client went away (its process was stopped): nothing to answer
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
            timer.shutdownNow();
            handlers.shutdownNow();
        }
    }
}
