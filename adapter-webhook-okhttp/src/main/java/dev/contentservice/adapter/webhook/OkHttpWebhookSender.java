package dev.contentservice.adapter.webhook;

import dev.contentservice.domain.WebhookAddressPolicy;
import dev.contentservice.domain.WebhookRefusedException;
import dev.contentservice.domain.WebhookSender;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Dns;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends webhook attempts with OkHttp: asynchronous ({@link Call#enqueue}, so a slow receiver holds no
 * thread of the caller), one short timeout for the whole call, no redirects, no proxy, and a resolver
 * that lets OkHttp connect only to addresses the {@link WebhookAddressPolicy} checked right then, so a
 * name that changed to an inside address since the request was accepted is refused too.
 */
public final class OkHttpWebhookSender implements WebhookSender, AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client;
    private final WebhookAddressPolicy policy;

    /**
     * @param timeout the whole attempt, from connect to the last byte of the answer
     * @param maxConcurrent attempts in flight at once (further ones wait in OkHttp's queue)
     */
    public OkHttpWebhookSender(WebhookAddressPolicy policy, Duration timeout, int maxConcurrent) {
        this.policy = Objects.requireNonNull(policy, "policy must not be null");
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be >= 1, was " + maxConcurrent);
        }
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxConcurrent);
        dispatcher.setMaxRequestsPerHost(Math.min(maxConcurrent, 8));
        this.client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(8, 1, TimeUnit.MINUTES))
                .dns(new CheckedDns(policy))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .build();
    }

    @Override
    public CompletableFuture<Integer> send(WebhookSender.Request attempt) {
        CompletableFuture<Integer> answered = new CompletableFuture<>();
        try {
            String host = attempt.target().host();
            if (isIpLiteral(host)) {
                policy.resolve(host); // OkHttp connects to an address literal without asking the resolver
            }
            okhttp3.Request.Builder request = new okhttp3.Request.Builder()
                    .url(attempt.target().url().toString())
                    .header("User-Agent", "content-service-webhooks")
                    .post(RequestBody.create(attempt.body(), JSON));
            attempt.headers().forEach(request::header);
            Call call = client.newCall(request.build());
            call.enqueue(new Callback() {
                @Override
                public void onResponse(Call call, Response response) {
                    try (response) {
                        answered.complete(response.code()); // the body is not read
                    }
                }

                @Override
                public void onFailure(Call call, IOException e) {
                    answered.completeExceptionally(refusal(e).orElse(e));
                }
            });
            answered.whenComplete((status, error) -> {
                if (answered.isCancelled()) {
                    call.cancel();
                }
            });
        } catch (RuntimeException e) {
            answered.completeExceptionally(e);
        }
        return answered;
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /** The policy's refusal, when that is why the call failed. */
    private static java.util.Optional<Throwable> refusal(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebhookRefusedException) {
                return java.util.Optional.of(cause);
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public void close() {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** Resolves with the policy: only checked addresses are handed to OkHttp. */
    private record CheckedDns(WebhookAddressPolicy policy) implements Dns {
        @Override
        public List<InetAddress> lookup(String hostname) throws UnknownHostException {
            try {
                return policy.resolve(hostname);
            } catch (WebhookRefusedException e) {
                UnknownHostException refused = new UnknownHostException(e.getMessage());
                refused.initCause(e);
                throw refused;
            }
        }
    }
}
