package dev.contentservice.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.StylePrompt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Item 4's baseline: what the exchange with the stand-in provider costs on this machine before any of the
 * service's work. A bare OkHttp client, set up as the service's HTTP adapter sets up its own (a dispatcher
 * over a cached thread pool, a connection pool as large as the calls, asynchronous calls), makes the
 * calls of a job the way the worker does: three {@code POST /images/generations} at once, with the bodies
 * the service sends for the bench's recommendation (each style's poster prompt), at the same rate as the service's jobs; a "job" ends with the last of its
 * three answers. Its time beyond the stand-in's delay is the baseline of the added latency.
 */
final class BareExchange implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");

    private final ThreadPoolExecutor threads =
            new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "bare-exchange");
                thread.setDaemon(true);
                return thread;
            });
    private final OkHttpClient client;
    private final String url;
    private final List<byte[]> bodies = new ArrayList<>();

    BareExchange(String baseUrl, int maxCalls) {
        Dispatcher dispatcher = new Dispatcher(threads);
        dispatcher.setMaxRequests(maxCalls * 3);
        dispatcher.setMaxRequestsPerHost(maxCalls * 3);
        this.client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(maxCalls, 5, TimeUnit.MINUTES))
                // OkHttp's default: a pooled connection the stand-in has closed meanwhile is retried on a
                // new one (the service's adapter does the same, its own way)
                .retryOnConnectionFailure(true)
                .followRedirects(false)
                .build();
        this.url = baseUrl + "/images/generations";
        // the service's bodies for the bench's recommendation (Drafts): the poster prompt of each style
        Recommendation recommendation = Drafts.recommendation("bench");
        ObjectMapper json = new ObjectMapper();
        for (ImageStyle style : ImageStyle.values()) {
            ObjectNode body = json.createObjectNode();
            body.put("model", "gpt-image-1");
            body.put("prompt", StylePrompt.of(style, recommendation));
            body.put("n", 1);
            body.put("size", "1024x1024");
            try {
                bodies.add(json.writeValueAsBytes(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a tree of strings always serializes", e);
            }
        }
    }

    /**
     * Runs {@code jobs} jobs at {@code rate} a second and returns each one's time in ms beyond {@code
     * delayMillis}, from the start of its first call to the last of its three answers.
     */
    List<Double> round(int jobs, int rate, long delayMillis) {
        List<CompletableFuture<Double>> ends = new ArrayList<>(jobs);
        long start = System.nanoTime();
        for (int i = 0; i < jobs; i++) {
            Sleep.untilDue(start, i, rate);
            ends.add(job(delayMillis));
        }
        return ends.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Double> job(long delayMillis) {
        CompletableFuture<Double> end = new CompletableFuture<>();
        AtomicInteger left = new AtomicInteger(bodies.size());
        long started = System.nanoTime();
        for (byte[] body : bodies) {
            Request request = new Request.Builder()
                    .url(url)
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer bench")
                    .post(RequestBody.create(body, JSON))
                    .build();
            client.newCall(request).enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                    end.completeExceptionally(e);
                }

                @Override
                public void onResponse(Call call, Response response) throws IOException {
                    try (response) {
                        if (!response.isSuccessful()) {
                            throw new IOException("the stand-in answered " + response.code());
                        }
                        response.body().bytes();
                    } catch (IOException e) {
                        end.completeExceptionally(e);
                        return;
                    }
                    if (left.decrementAndGet() == 0) {
                        end.complete((System.nanoTime() - started) / 1e6 - delayMillis);
                    }
                }
            });
        }
        return end;
    }

    @Override
    public void close() {
        client.dispatcher().cancelAll();
        client.connectionPool().evictAll();
        threads.shutdownNow();
    }
}
