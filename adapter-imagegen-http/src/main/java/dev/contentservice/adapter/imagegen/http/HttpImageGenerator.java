package dev.contentservice.adapter.imagegen.http;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageRequest;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.ExecutionContext;
import dev.failsafe.Failsafe;
import dev.failsafe.Policy;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ImageGenerator} for OpenAI's {@code POST /images/generations} and compatible servers.
 *
 * <p>Resilience is built once per instance and shared by every job: a retry policy (exponential backoff with
 * jitter on connect errors, timeouts, 429 and 5xx, honouring {@code Retry-After}, never past the job deadline),
 * a circuit breaker over consecutive failed attempts, and a cap on concurrent provider calls whose excess waits
 * in line as pending futures. Everything is asynchronous: OkHttp's {@code enqueue} plus Failsafe's async
 * executions, so a job waiting for the provider (or for its turn) holds no thread. Cancelling the returned
 * future cancels the call in flight or leaves the line.
 *
 * <p>The API key travels only in the {@code Authorization} header of the generation request: never in image
 * downloads, log lines, exception messages or {@link #toString()}.
 */
public final class HttpImageGenerator implements ImageGenerator, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpImageGenerator.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String ACCEPT_IMAGES = "image/png, image/jpeg, image/webp;q=0.9, */*;q=0.1";

    private final HttpImageGeneratorSettings settings;
    private final Clock clock;
    private final ExecutorService httpThreads;
    private final ScheduledExecutorService scheduler;
    private final OkHttpClient client;
    private final HttpUrl generationsUrl;
    private final String generatorName;
    private final ImagesProtocol protocol = new ImagesProtocol();
    private final CallLimiter limiter;
    private final RetryPolicy<ProviderAnswer> retryPolicy;
    private final CircuitBreaker<ProviderAnswer> breaker;

    public HttpImageGenerator(HttpImageGeneratorSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public HttpImageGenerator(HttpImageGeneratorSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.generationsUrl = generationsUrl(settings);
        this.generatorName = generatorName(settings);
        this.limiter = new CallLimiter(settings.maxConcurrentCalls());
        this.httpThreads = new ThreadPoolExecutor(
                0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemon("content-imagegen-http"));
        this.scheduler = Executors.newScheduledThreadPool(2, daemon("content-imagegen-retry"));
        Dispatcher dispatcher = new Dispatcher(httpThreads);
        // the limiter caps generation calls; the extra room is for image downloads, which it does not count
        dispatcher.setMaxRequests(settings.maxConcurrentCalls() * 2);
        dispatcher.setMaxRequestsPerHost(settings.maxConcurrentCalls() * 2);
        this.client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(settings.maxConcurrentCalls(), 5, TimeUnit.MINUTES))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                // Failsafe owns retries: OkHttp must not silently repeat a request
                .retryOnConnectionFailure(false)
                .build();
        this.retryPolicy = RetryPolicy.<ProviderAnswer>builder()
                .handle(IOException.class)
                .handleResultIf(answer -> answer != null && answer.isTransientFailure())
                .withMaxRetries(settings.maxRetries())
                .withDelayFn(this::retryDelay)
                .onRetryScheduled(event -> LOG.info(
                        "image provider attempt {} failed ({}), retrying in {} ms",
                        event.getAttemptCount(),
                        describe(event.getLastResult(), event.getLastException()),
                        event.getDelay().toMillis()))
                .build();
        this.breaker = CircuitBreaker.<ProviderAnswer>builder()
                .handle(IOException.class)
                .handleResultIf(answer -> answer != null && answer.isTransientFailure())
                .withFailureThreshold(settings.breakerFailureThreshold())
                .withDelay(settings.breakerOpenDelay())
                .withSuccessThreshold(1)
                .onOpen(event -> LOG.warn(
                        "image provider circuit opened after {} consecutive failures: failing fast for {} ms",
                        settings.breakerFailureThreshold(),
                        settings.breakerOpenDelay().toMillis()))
                .onHalfOpen(event -> LOG.info("image provider circuit half-open: letting one probe through"))
                .onClose(event -> LOG.info("image provider circuit closed: provider answers again"))
                .build();
    }

    /** Who draws, as {@link GeneratedImage#generator()} reports it: {@code openai:<model>} or {@code http:<model>}. */
    public String name() {
        return generatorName;
    }

    @Override
    public CompletableFuture<GeneratedImage> generate(ImageRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        Exchange exchange = new Exchange(request, request.deadline().minus(settings.deadlineMargin()));
        CompletableFuture<GeneratedImage> result = new CompletableFuture<>();
        result.whenComplete((image, error) -> {
            if (result.isCancelled()) {
                exchange.cancel();
            }
        });
        Duration left = exchange.timeLeft(clock);
        if (left.toMillis() <= 0) {
            fail(result, exchange, timeout("the job deadline had passed before the provider was called"));
            return result;
        }
        Request post = generationRequest(request.prompt());
        Failsafe.with(List.<Policy<ProviderAnswer>>of(retryFor(exchange), breaker))
                .with(scheduler)
                .<ProviderAnswer>getAsyncExecution(execution -> attempt(execution, post, exchange, true))
                .whenComplete((answer, failure) -> settle(result, exchange, answer, failure, this::onGenerated));
        return result;
    }

    /** Stops the generator's threads and drops its connections; calls in flight fail. */
    @Override
    public void close() {
        client.dispatcher().cancelAll();
        scheduler.shutdownNow();
        httpThreads.shutdown();
        client.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "HttpImageGenerator[" + generatorName + " at " + generationsUrl.host() + "]";
    }

    // ---- one generation: request, answer, optional download ----

    private Request generationRequest(String prompt) {
        byte[] body = protocol.generationRequest(
                settings.model(), prompt, settings.size(), settings.effectiveResponseFormat());
        Request.Builder builder = new Request.Builder()
                .url(generationsUrl)
                .header("Accept", "application/json")
                .post(RequestBody.create(body, JSON));
        settings.apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder.build();
    }

    private CompletableFuture<GeneratedImage> onGenerated(ProviderAnswer answer, Exchange exchange) {
        if (answer.oversized()) {
            throw badResponse("the provider's answer is larger than " + settings.maxResponseBytes() + " bytes");
        }
        if (!answer.isSuccessful()) {
            throw failureOf(answer, exchange);
        }
        ImagesProtocol.Payload payload = protocol.parse(answer.body());
        if (payload instanceof ImagesProtocol.Inline inline) {
            return CompletableFuture.completedFuture(image(inline.bytes()));
        }
        HttpUrl url = ((ImagesProtocol.Remote) payload).url();
        return download(url, exchange);
    }

    /** Provider URLs expire (OpenAI's after an hour): fetch the bytes now, without our credentials. */
    private CompletableFuture<GeneratedImage> download(HttpUrl url, Exchange exchange) {
        CompletableFuture<GeneratedImage> downloaded = new CompletableFuture<>();
        if (exchange.timeLeft(clock).toMillis() <= 0) {
            downloaded.completeExceptionally(timeout("the job deadline passed before the image was downloaded"));
            return downloaded;
        }
        Request get = new Request.Builder()
                .url(url)
                .header("Accept", ACCEPT_IMAGES)
                .get()
                .build();
        Failsafe.with(List.<Policy<ProviderAnswer>>of(retryFor(exchange)))
                .with(scheduler)
                .<ProviderAnswer>getAsyncExecution(execution -> attempt(execution, get, exchange, false))
                .whenComplete((answer, failure) -> settle(downloaded, exchange, answer, failure, this::onDownloaded));
        return downloaded;
    }

    private CompletableFuture<GeneratedImage> onDownloaded(ProviderAnswer answer, Exchange exchange) {
        if (answer.oversized()) {
            throw badResponse("the provider's image is larger than " + settings.maxResponseBytes() + " bytes");
        }
        if (answer.isTransientFailure()) {
            throw new ImageGenerationException(
                    ImageGenerationException.UNAVAILABLE,
                    "the provider's image download kept failing (HTTP " + answer.status() + ") after "
                            + exchange.attempts() + " attempt(s)",
                    true);
        }
        if (!answer.isSuccessful()) {
            throw badResponse("the provider's image url answered HTTP " + answer.status() + " (expired or gone)");
        }
        return CompletableFuture.completedFuture(image(answer.body()));
    }

    private GeneratedImage image(byte[] bytes) {
        ImageFormat format = ImageSniffer.formatOf(bytes)
                .orElseThrow(() -> badResponse("the provider's image is not a PNG, JPEG or WEBP file"));
        return new GeneratedImage(bytes, format.mediaType(), generatorName);
    }

    /** Turns the outcome of one Failsafe execution into the next step, or the final failure. */
    private void settle(
            CompletableFuture<GeneratedImage> target,
            Exchange exchange,
            ProviderAnswer answer,
            Throwable failure,
            Step next) {
        if (target.isDone()) {
            return;
        }
        if (failure != null) {
            fail(target, exchange, translate(unwrap(failure), exchange));
            return;
        }
        CompletableFuture<GeneratedImage> following;
        try {
            following = next.apply(answer, exchange);
        } catch (ImageGenerationException e) {
            fail(target, exchange, e);
            return;
        } catch (RuntimeException e) {
            fail(target, exchange, internal(e));
            return;
        }
        following.whenComplete((image, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                fail(
                        target,
                        exchange,
                        cause instanceof ImageGenerationException generation ? generation : internal(cause));
            } else if (target.complete(image)) {
                LOG.debug(
                        "drew the {} image of job {} with {} in {} attempt(s)",
                        exchange.request.style().key(),
                        exchange.request.jobId(),
                        generatorName,
                        exchange.attempts());
            }
        });
    }

    private void fail(CompletableFuture<GeneratedImage> target, Exchange exchange, ImageGenerationException error) {
        if (target.completeExceptionally(error) && !exchange.isCancelled()) {
            LOG.warn(
                    "image generation failed for the {} image of job {}: {} {}",
                    exchange.request.style().key(),
                    exchange.request.jobId(),
                    error.code(),
                    error.getMessage());
        }
    }

    @FunctionalInterface
    private interface Step {
        CompletableFuture<GeneratedImage> apply(ProviderAnswer answer, Exchange exchange);
    }

    // ---- one attempt: wait for a permit, then one asynchronous HTTP exchange ----

    private void attempt(
            dev.failsafe.AsyncExecution<ProviderAnswer> execution,
            Request request,
            Exchange exchange,
            boolean limited) {
        if (exchange.isCancelled()) {
            execution.recordException(new CallerCancelledException());
            return;
        }
        if (exchange.timeLeft(clock).toMillis() <= 0) {
            execution.recordException(new DeadlineReachedException());
            return;
        }
        CompletableFuture<CallLimiter.Permit> permit =
                limited ? limiter.acquire() : CompletableFuture.completedFuture(CallLimiter.Permit.NONE);
        exchange.waitingFor(permit);
        permit.whenComplete((granted, error) -> {
            if (error != null) {
                // only a cancelled wait completes exceptionally
                execution.recordException(new CallerCancelledException());
                return;
            }
            if (exchange.isCancelled()) {
                granted.release();
                execution.recordException(new CallerCancelledException());
                return;
            }
            long leftMillis = exchange.timeLeft(clock).toMillis();
            if (leftMillis <= 0) {
                granted.release();
                execution.recordException(new DeadlineReachedException());
                return;
            }
            Call call = client.newCall(request);
            // one attempt never runs past the job deadline
            call.timeout().timeout(Math.min(settings.callTimeout().toMillis(), leftMillis), TimeUnit.MILLISECONDS);
            exchange.started(call);
            call.enqueue(new Callback() {
                @Override
                public void onFailure(Call failed, IOException e) {
                    exchange.noteOutcome(e.getClass().getSimpleName());
                    granted.release();
                    execution.recordException(exchange.isCancelled() ? new CallerCancelledException() : e);
                }

                @Override
                public void onResponse(Call answered, Response response) {
                    ProviderAnswer answer;
                    try (response) {
                        answer = read(response);
                    } catch (IOException e) {
                        granted.release();
                        execution.recordException(exchange.isCancelled() ? new CallerCancelledException() : e);
                        return;
                    } catch (RuntimeException e) {
                        granted.release();
                        execution.recordException(e);
                        return;
                    }
                    exchange.noteOutcome("HTTP " + answer.status());
                    granted.release();
                    execution.recordResult(answer);
                }
            });
        });
    }

    private ProviderAnswer read(Response response) throws IOException {
        ResponseBody body = response.body();
        long limit = settings.maxResponseBytes();
        BufferedSource source = body.source();
        boolean oversized = body.contentLength() > limit || source.request(limit + 1);
        byte[] bytes = oversized ? new byte[0] : source.readByteArray();
        return new ProviderAnswer(
                response.code(), Optional.ofNullable(response.header("Retry-After")), bytes, oversized);
    }

    // ---- retries ----

    /** The shared policy, bounded by this request's deadline. */
    private RetryPolicy<ProviderAnswer> retryFor(Exchange exchange) {
        Duration left = exchange.timeLeft(clock);
        return RetryPolicy.builder(retryPolicy.getConfig())
                .withMaxDuration(left.toMillis() > 0 ? left : Duration.ofMillis(1))
                .abortIf(answer -> answer != null && retryAfterPassesDeadline(answer, exchange))
                .build();
    }

    private boolean retryAfterPassesDeadline(ProviderAnswer answer, Exchange exchange) {
        return answer.isTransientFailure()
                && retryAfter(answer)
                        .map(wait -> clock.instant().plus(wait).isAfter(exchange.giveUpAt))
                        .orElse(false);
    }

    private Optional<Duration> retryAfter(ProviderAnswer answer) {
        return answer.retryAfter().flatMap(value -> RetryAfter.parse(value, clock));
    }

    /** Exponential backoff with "equal jitter"; never shorter than what {@code Retry-After} asked for. */
    private Duration retryDelay(ExecutionContext<ProviderAnswer> context) {
        int failedAttempts = Math.max(1, context.getAttemptCount());
        long base = settings.backoffBase().toMillis();
        long max = settings.backoffMax().toMillis();
        long exponential = failedAttempts > 30 ? max : Math.min(max, base << (failedAttempts - 1));
        long half = Math.max(1, exponential / 2);
        Duration backoff = Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
        ProviderAnswer last = context.getLastResult();
        Optional<Duration> asked = last == null ? Optional.empty() : retryAfter(last);
        return asked.filter(wait -> wait.compareTo(backoff) > 0).orElse(backoff);
    }

    // ---- failures ----

    private ImageGenerationException failureOf(ProviderAnswer answer, Exchange exchange) {
        int status = answer.status();
        if (status == 429) {
            return new ImageGenerationException(
                    ImageGenerationException.UNAVAILABLE,
                    "the provider kept rate-limiting (HTTP 429) after " + exchange.attempts() + " attempt(s)"
                            + retryAfter(answer)
                                    .map(wait -> ", asking to wait " + wait.toSeconds() + " s")
                                    .orElse(""),
                    true);
        }
        if (status >= 500) {
            return new ImageGenerationException(
                    ImageGenerationException.UNAVAILABLE,
                    "the provider kept failing (HTTP " + status + ") after " + exchange.attempts() + " attempt(s)",
                    true);
        }
        if (status == 401 || status == 403) {
            return new ImageGenerationException(
                    ImageGenerationException.REJECTED,
                    "the provider refused our credentials (HTTP " + status + "): check CONTENT_IMAGEGEN_API_KEY",
                    false);
        }
        if (status >= 400) {
            String reason = protocol.describeError(answer.body(), settings.apiKey())
                    .map(text -> ": " + text)
                    .orElse("");
            return new ImageGenerationException(
                    ImageGenerationException.REJECTED,
                    "the provider refused the request (HTTP " + status + ")" + reason,
                    false);
        }
        return badResponse("the provider answered HTTP " + status + " instead of an image");
    }

    private ImageGenerationException translate(Throwable failure, Exchange exchange) {
        if (failure instanceof ImageGenerationException generation) {
            return generation;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new ImageGenerationException(
                    ImageGenerationException.UNAVAILABLE,
                    "the image provider failed repeatedly; its circuit is open and calls fail fast for now",
                    true);
        }
        if (failure instanceof DeadlineReachedException) {
            return timeout("no image before the job deadline after " + exchange.attempts() + " attempt(s)"
                    + exchange.lastOutcome().map(last -> "; last: " + last).orElse(""));
        }
        if (failure instanceof CallerCancelledException) {
            return new ImageGenerationException(ImageGenerationException.INTERNAL, "cancelled", false);
        }
        if (failure instanceof InterruptedIOException) {
            return timeout("the provider did not answer in time after " + exchange.attempts() + " attempt(s)");
        }
        if (failure instanceof IOException) {
            return new ImageGenerationException(
                    ImageGenerationException.UNAVAILABLE,
                    "could not reach the provider (" + failure.getClass().getSimpleName() + ") after "
                            + exchange.attempts() + " attempt(s)",
                    true);
        }
        return internal(failure);
    }

    private static ImageGenerationException timeout(String reason) {
        return new ImageGenerationException(ImageGenerationException.TIMEOUT, reason, true);
    }

    private static ImageGenerationException badResponse(String reason) {
        return new ImageGenerationException(ImageGenerationException.BAD_RESPONSE, reason, false);
    }

    private static ImageGenerationException internal(Throwable cause) {
        return new ImageGenerationException(
                ImageGenerationException.INTERNAL,
                "image generation failed unexpectedly (" + cause.getClass().getSimpleName() + ")",
                false,
                cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String describe(ProviderAnswer answer, Throwable failure) {
        if (failure != null) {
            return failure.getClass().getSimpleName();
        }
        return answer == null ? "no answer" : "HTTP " + answer.status();
    }

    // ---- construction helpers ----

    private static HttpUrl generationsUrl(HttpImageGeneratorSettings settings) {
        HttpUrl base = HttpUrl.get(settings.baseUrl().toString());
        HttpUrl.Builder builder = base.newBuilder();
        List<String> segments = base.pathSegments();
        if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            builder.removePathSegment(segments.size() - 1);
        }
        return builder.addPathSegment("images").addPathSegment("generations").build();
    }

    private static String generatorName(HttpImageGeneratorSettings settings) {
        String host = settings.baseUrl().getHost().toLowerCase(Locale.ROOT);
        String vendor = host.equals("openai.com") || host.endsWith(".openai.com") ? "openai" : "http";
        return vendor + ":" + settings.model();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** What one {@link #generate} call is doing, so that cancelling its future can reach the right place. */
    private static final class Exchange {
        final ImageRequest request;
        final Instant giveUpAt;
        private final AtomicInteger attempts = new AtomicInteger();
        private final AtomicReference<CompletableFuture<?>> waiting = new AtomicReference<>();
        private final AtomicReference<Call> call = new AtomicReference<>();
        private volatile boolean cancelled;
        private volatile String lastOutcome;

        Exchange(ImageRequest request, Instant giveUpAt) {
            this.request = request;
            this.giveUpAt = giveUpAt;
        }

        Duration timeLeft(Clock clock) {
            return Duration.between(clock.instant(), giveUpAt);
        }

        int attempts() {
            return attempts.get();
        }

        boolean isCancelled() {
            return cancelled;
        }

        void noteOutcome(String outcome) {
            lastOutcome = outcome;
        }

        Optional<String> lastOutcome() {
            return Optional.ofNullable(lastOutcome);
        }

        void waitingFor(CompletableFuture<?> permit) {
            waiting.set(permit);
            if (cancelled) {
                permit.cancel(false);
            }
        }

        void started(Call started) {
            attempts.incrementAndGet();
            call.set(started);
            if (cancelled) {
                started.cancel();
            }
        }

        void cancel() {
            cancelled = true;
            CompletableFuture<?> permit = waiting.get();
            if (permit != null) {
                permit.cancel(false);
            }
            Call current = call.get();
            if (current != null) {
                current.cancel();
            }
        }
    }

    /** Recorded instead of an IOException when the caller cancelled: neither retried nor held against the provider. */
    private static final class CallerCancelledException extends RuntimeException {
        CallerCancelledException() {
            super("cancelled by the caller", null, false, false);
        }
    }

    /** The next attempt would start at or after the job deadline. */
    private static final class DeadlineReachedException extends RuntimeException {
        DeadlineReachedException() {
            super("job deadline reached", null, false, false);
        }
    }
}
