package dev.contentservice.adapter.imagegen.http;

import dev.contentservice.adapter.imagegen.http.ImageProtocol.Step;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageRequest;
import dev.contentservice.domain.ProviderBudget;
import dev.contentservice.domain.ProviderCallMetrics;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.ExecutionContext;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resilient asynchronous client around one {@link ImageProtocol} (OpenAI-compatible or Replicate).
 *
 * <p>Built once per instance and shared by every job: a retry policy (exponential backoff with jitter on connect
 * errors, timeouts, 429 and 5xx, honouring {@code Retry-After}, never past the job deadline), a circuit breaker
 * that counts one outcome per style's call after its retries and opens on a failure rate, the shared {@link
 * ProviderBudget} (a 429 pauses every instance), and a cap on concurrent provider calls. A request that dies on a
 * reused pooled connection before any answer is repeated at once on a fresh connection and is not held against
 * the provider. Everything is asynchronous (OkHttp's {@code enqueue}, Failsafe's async executions, scheduled
 * waits), so a job waiting for the provider, its budget or its turn holds no thread. Cancelling the returned
 * future cancels the call in flight, and a pending remote generation is cancelled at the provider too.
 *
 * <p>Whatever is thrown on a call's path (an {@link OutOfMemoryError} included) ends that call at once with a
 * code and a log line. The API key travels only in the {@code Authorization} header of the provider's API
 * requests: never in image downloads, log lines, exception messages or {@link #toString()}; a provider's own
 * words go only to the log, redacted.
 */
public final class HttpImageGenerator implements ImageGenerator, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpImageGenerator.class);
    private static final String ACCEPT_IMAGES = "image/png, image/jpeg, image/webp;q=0.9, */*;q=0.1";

    /** Set by {@link #close}: every call still running, or made after, ends as closed. */
    private volatile boolean closed;
    /**
     * The calls not answered yet, so that {@link #close} can end each of them: a retry the closing scheduler
     * had accepted but not run would otherwise leave its call unanswered for good.
     */
    private final Map<CompletableFuture<GeneratedImage>, Exchange> unanswered = new ConcurrentHashMap<>();

    private final HttpImageGeneratorSettings settings;
    private final Clock clock;
    private final ProviderBudget budget;
    private final ImageProtocol protocol;
    private final ExecutorService httpThreads;
    private final ScheduledExecutorService scheduler;
    /** Runs an execution's first attempt on the caller's thread, retries on {@link #scheduler}. */
    private final AttemptScheduler attempts;

    private final OkHttpClient client;
    private final OkHttpClient freshClient;
    private final OkHttpClient downloadClient;
    private final CallLimiter limiter;
    private final RetryPolicy<ProviderAnswer> retryPolicy;
    private final CircuitBreaker<ProviderAnswer> breaker;
    private final AtomicInteger waitingForBudget = new AtomicInteger();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failedCalls = new AtomicLong();
    private final AtomicLong fastFailures = new AtomicLong();
    private final AtomicLong freshRetries = new AtomicLong();
    private final AtomicLong budgetWaitMillis = new AtomicLong();
    private final ProviderCallMetrics callMetrics;

    public HttpImageGenerator(HttpImageGeneratorSettings settings) {
        this(settings, Clock.systemUTC(), ProviderBudget.unlimited());
    }

    public HttpImageGenerator(HttpImageGeneratorSettings settings, Clock clock) {
        this(settings, clock, ProviderBudget.unlimited());
    }

    public HttpImageGenerator(HttpImageGeneratorSettings settings, Clock clock, ProviderBudget budget) {
        this(settings, clock, budget, ProviderCallMetrics.NONE);
    }

    /** @param callMetrics told of every attempt's outcome and latency, every retry and every fast failure */
    public HttpImageGenerator(
            HttpImageGeneratorSettings settings, Clock clock, ProviderBudget budget, ProviderCallMetrics callMetrics) {
        this.callMetrics = Objects.requireNonNull(callMetrics, "callMetrics must not be null");
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.budget = Objects.requireNonNull(budget, "budget must not be null");
        ProviderSettings provider = settings.provider();
        this.protocol = switch (provider.protocol()) {
            case OPENAI -> new OpenAiProtocol(provider, settings.limits().maxResponseBytes());
            case REPLICATE ->
                new ReplicateProtocol(
                        provider,
                        settings.polling().preferWait(),
                        settings.limits().maxResponseBytes());
        };
        int maxCalls = settings.limits().maxConcurrentCalls();
        this.limiter = new CallLimiter(maxCalls);
        this.httpThreads = new ThreadPoolExecutor(
                0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemon("content-imagegen-http"));
        this.scheduler = Executors.newScheduledThreadPool(2, daemon("content-imagegen-retry"));
        this.attempts = new AttemptScheduler(scheduler);
        Dispatcher dispatcher = new Dispatcher(httpThreads);
        // the limiter caps generation calls; the extra room is for polls, downloads and cancels
        dispatcher.setMaxRequests(maxCalls * 3);
        dispatcher.setMaxRequestsPerHost(maxCalls * 3);
        HttpImageGeneratorSettings.Timeouts timeouts = settings.timeouts();
        this.client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(maxCalls, 5, TimeUnit.MINUTES))
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                // Failsafe owns retries; a dead pooled connection is handled below, on a fresh one
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .eventListenerFactory(HttpImageGenerator::listenerFor)
                .build();
        // keeps no idle connection: every request on it opens a new one
        this.freshClient = client.newBuilder()
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .build();
        this.downloadClient = client.newBuilder()
                .followRedirects(true)
                .followSslRedirects(true)
                .addNetworkInterceptor(new AddressGuard(provider.baseUrl().getHost(), provider.allowPrivateUrls()))
                .build();
        this.retryPolicy = RetryPolicy.<ProviderAnswer>builder()
                .handle(IOException.class)
                .abortOn(AddressGuard.RefusedAddressException.class)
                .handleResultIf(answer -> answer != null && answer.isTransientFailure())
                .withMaxRetries(settings.retries().max())
                .withDelayFn(this::retryDelay)
                .onRetryScheduled(event -> {
                    callMetrics.retryScheduled(outcomeOf(event.getLastResult(), event.getLastException()));
                    LOG.info(
                            "image provider attempt {} failed ({}), retrying in {} ms",
                            event.getAttemptCount(),
                            describe(event.getLastResult(), event.getLastException()),
                            event.getDelay().toMillis());
                })
                .build();
        HttpImageGeneratorSettings.Breaker breakerSettings = settings.breaker();
        this.breaker = CircuitBreaker.<ProviderAnswer>builder()
                .withFailureRateThreshold(
                        breakerSettings.failureRatePercent(), breakerSettings.minimumCalls(), breakerSettings.window())
                .withDelay(breakerSettings.openDelay())
                .withSuccessThreshold(breakerSettings.halfOpenCalls(), breakerSettings.halfOpenCalls())
                .onOpen(event -> LOG.warn(
                        "image provider circuit opened: at least {}% of the last {}+ calls failed; failing fast for"
                                + " {} ms",
                        breakerSettings.failureRatePercent(),
                        breakerSettings.minimumCalls(),
                        breakerSettings.openDelay().toMillis()))
                .onHalfOpen(event -> LOG.info(
                        "image provider circuit half-open: letting {} calls through", breakerSettings.halfOpenCalls()))
                .onClose(event -> LOG.info("image provider circuit closed: provider answers again"))
                .build();
    }

    /** Who draws, as {@link GeneratedImage#generator()} reports it: {@code openai:<model>}, {@code replicate:…}. */
    public String name() {
        return protocol.generatorName();
    }

    /** The breaker, the budget and the concurrency limit as they are now. */
    public ProviderState state() {
        String state = switch (breaker.getState()) {
            case CLOSED -> "closed";
            // Failsafe moves to half-open on the next call once the delay is over; report it as such
            case OPEN -> breaker.getRemainingDelay().isZero() ? "half-open" : "open";
            case HALF_OPEN -> "half-open";
        };
        return new ProviderState(
                name(),
                state,
                limiter.inFlight(),
                limiter.waiting(),
                waitingForBudget.get(),
                calls.get(),
                failedCalls.get(),
                fastFailures.get(),
                freshRetries.get(),
                budgetWaitMillis.get());
    }

    @Override
    public CompletableFuture<GeneratedImage> generate(ImageRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        Exchange exchange = new Exchange(request, request.deadline().minus(settings.deadlineMargin()));
        CompletableFuture<GeneratedImage> result = new CompletableFuture<>();
        unanswered.put(result, exchange);
        result.whenComplete((image, error) -> {
            unanswered.remove(result);
            if (result.isCancelled()) {
                exchange.cancel();
                cancelRemotely(exchange, "the job gave the image up");
            }
        });
        try {
            if (closed) {
                fail(result, exchange, closedError());
                return result;
            }
            if (exchange.timeLeft(clock).toMillis() <= 0) {
                fail(result, exchange, timeout("the job deadline had passed before the provider was called"));
                return result;
            }
            if (!breaker.tryAcquirePermit()) {
                fastFailures.incrementAndGet();
                callMetrics.callFinished(ProviderCallMetrics.Outcome.SHORT_CIRCUITED, Duration.ZERO);
                fail(
                        result,
                        exchange,
                        new ImageGenerationException(
                                ImageGenerationException.UNAVAILABLE,
                                "the image provider failed repeatedly; its circuit is open and calls fail fast for"
                                        + " now"));
                return result;
            }
            // built when the call gets its place, not now: thousands of calls waiting in line for a place
            // would otherwise hold a prompt and a request body each (about 2 KB a style)
            Supplier<Request> create = () -> protocol.create(request);
            Failsafe.with(retryFor(exchange))
                    .with(attempts)
                    .<ProviderAnswer>getAsyncExecution(execution -> attempt(execution, create, exchange, Kind.CREATE))
                    .whenComplete((answer, failure) -> {
                        recordCallOutcome(answer, failure);
                        settle(result, exchange, answer, failure);
                    });
        } catch (Throwable e) {
            fail(result, exchange, closed ? closedError() : internal(e));
        }
        return result;
    }

    /**
     * Stops the generator's threads and drops its connections; calls in flight, and any made after, fail as
     * {@link ImageGenerationException#UNAVAILABLE} (the service is stopping: nothing went wrong, and their
     * jobs are handed over or retried).
     */
    @Override
    public void close() {
        closed = true;
        int inFlight = limiter.inFlight();
        if (inFlight > 0) {
            LOG.info("image generator closed with {} provider call(s) in flight; they end unfinished", inFlight);
        }
        client.dispatcher().cancelAll();
        scheduler.shutdownNow();
        httpThreads.shutdown();
        client.connectionPool().evictAll();
        freshClient.connectionPool().evictAll();
        unanswered.forEach((result, exchange) -> fail(result, exchange, closedError()));
    }

    @Override
    public String toString() {
        return "HttpImageGenerator[" + name() + " at "
                + settings.provider().baseUrl().getHost() + "]";
    }

    // ---- the breaker: one outcome per style's call, after its retries ----

    private void recordCallOutcome(ProviderAnswer answer, Throwable failure) {
        try {
            Throwable cause = failure == null ? null : unwrap(failure);
            boolean providerFailed = cause != null
                    ? cause instanceof IOException && !(cause instanceof AddressGuard.RefusedAddressException)
                            || cause instanceof DeadlineReachedException
                    : answer != null && answer.isTransientFailure();
            boolean neutral = cause instanceof CallerCancelledException
                    || cause instanceof BudgetExhaustedException
                    || (cause != null && !providerFailed);
            calls.incrementAndGet();
            if (providerFailed) {
                failedCalls.incrementAndGet();
                breaker.recordFailure();
            } else if (!neutral) {
                breaker.recordSuccess();
            } else if (breaker.isHalfOpen()) {
                // a half-open permit must come back: count the unknown outcome against the provider, once
                breaker.recordFailure();
            }
        } catch (RuntimeException e) {
            LOG.error("image provider circuit could not record an outcome", e);
        }
    }

    // ---- one generation: answer → image, download, poll or failure ----

    /** Turns the outcome of one Failsafe execution into the next step, or the final failure. */
    private void settle(
            CompletableFuture<GeneratedImage> target, Exchange exchange, ProviderAnswer answer, Throwable failure) {
        if (target.isDone()) {
            return;
        }
        try {
            if (failure != null) {
                fail(target, exchange, translate(unwrap(failure), exchange));
                return;
            }
            if (answer.oversized()) {
                throw badResponse("the provider's answer is larger than "
                        + settings.limits().maxResponseBytes() + " bytes");
            }
            if (!answer.isSuccessful()) {
                throw failureOf(answer, exchange);
            }
            follow(target, exchange, protocol.read(answer.body()));
        } catch (ImageGenerationException e) {
            fail(target, exchange, e);
        } catch (Throwable e) {
            fail(target, exchange, internal(e));
        }
    }

    private void follow(CompletableFuture<GeneratedImage> target, Exchange exchange, Step step) {
        if (step instanceof Step.Image image) {
            complete(target, exchange, image(image.bytes()));
        } else if (step instanceof Step.Download download) {
            download(target, exchange, download);
        } else if (step instanceof Step.Pending pending) {
            exchange.pending(pending);
            schedulePoll(target, exchange, pending, settings.polling().first());
        } else if (step instanceof Step.Failed failed) {
            failed.providerText()
                    .ifPresent(text -> LOG.warn(
                            "the provider gave the {} image of job {} up: {}",
                            exchange.request.style().key(),
                            exchange.request.jobId(),
                            Redaction.clean(text, settings.provider().apiKey())));
            fail(target, exchange, new ImageGenerationException(failed.code(), failed.message()));
        }
    }

    private void complete(CompletableFuture<GeneratedImage> target, Exchange exchange, GeneratedImage image) {
        if (target.complete(image)) {
            LOG.debug(
                    "drew the {} image of job {} with {} in {} attempt(s)",
                    exchange.request.style().key(),
                    exchange.request.jobId(),
                    name(),
                    exchange.attempts());
        }
    }

    /** Provider URLs expire (OpenAI's after an hour): fetch the bytes now, without our credentials. */
    private void download(CompletableFuture<GeneratedImage> target, Exchange exchange, Step.Download download) {
        if (exchange.timeLeft(clock).toMillis() <= 0) {
            fail(target, exchange, timeout("the job deadline passed before the image was downloaded"));
            return;
        }
        Request get = new Request.Builder()
                .url(download.url())
                .header("Accept", ACCEPT_IMAGES)
                .get()
                .build();
        Failsafe.with(retryFor(exchange))
                .with(attempts)
                .<ProviderAnswer>getAsyncExecution(execution -> attempt(execution, () -> get, exchange, Kind.DOWNLOAD))
                .whenComplete((answer, failure) -> {
                    if (target.isDone()) {
                        return;
                    }
                    try {
                        if (failure != null) {
                            fail(target, exchange, translate(unwrap(failure), exchange));
                        } else if (answer.oversized()) {
                            fail(
                                    target,
                                    exchange,
                                    badResponse("the provider's image is larger than "
                                            + settings.limits().maxDownloadBytes() + " bytes"));
                        } else if (answer.isTransientFailure()) {
                            fail(
                                    target,
                                    exchange,
                                    new ImageGenerationException(
                                            ImageGenerationException.UNAVAILABLE,
                                            "the provider's image download kept failing (HTTP " + answer.status()
                                                    + ") after " + exchange.attempts() + " attempt(s)"));
                        } else if (!answer.isSuccessful()) {
                            fail(
                                    target,
                                    exchange,
                                    badResponse("the provider's image url answered HTTP " + answer.status()
                                            + " (expired, gone or a redirect)"));
                        } else {
                            complete(target, exchange, image(answer.body()));
                        }
                    } catch (ImageGenerationException e) {
                        fail(target, exchange, e);
                    } catch (Throwable e) {
                        fail(target, exchange, internal(e));
                    }
                });
    }

    /** Asks again after {@code delay} (scheduled: no thread waits), or cancels at the provider at the deadline. */
    private void schedulePoll(
            CompletableFuture<GeneratedImage> target, Exchange exchange, Step.Pending pending, Duration delay) {
        long left = exchange.timeLeft(clock).toMillis();
        if (left <= 0) {
            cancelRemotely(exchange, "the job deadline passed");
            fail(target, exchange, timeout("the provider had not finished the image by the job deadline"));
            return;
        }
        long wait = Math.min(delay.toMillis(), left);
        try {
            scheduler.schedule(() -> poll(target, exchange, pending, delay), wait, TimeUnit.MILLISECONDS);
        } catch (Throwable e) {
            fail(target, exchange, internal(e));
        }
    }

    private void poll(
            CompletableFuture<GeneratedImage> target, Exchange exchange, Step.Pending pending, Duration delay) {
        if (target.isDone()) {
            return;
        }
        if (exchange.timeLeft(clock).toMillis() <= 0) {
            schedulePoll(target, exchange, pending, delay);
            return;
        }
        try {
            Request get = protocol.poll(pending);
            Duration next = delay.multipliedBy(3).dividedBy(2);
            Duration capped = next.compareTo(settings.polling().max()) > 0
                    ? settings.polling().max()
                    : next;
            Failsafe.with(retryFor(exchange))
                    .with(attempts)
                    .<ProviderAnswer>getAsyncExecution(execution -> attempt(execution, () -> get, exchange, Kind.POLL))
                    .whenComplete((answer, failure) -> {
                        if (target.isDone()) {
                            return;
                        }
                        try {
                            if (failure == null && answer.isSuccessful() && !answer.oversized()) {
                                Step step = protocol.read(answer.body());
                                if (step instanceof Step.Pending still) {
                                    schedulePoll(target, exchange, still, capped);
                                    return;
                                }
                                exchange.pending(null);
                                follow(target, exchange, step);
                                return;
                            }
                            settle(target, exchange, answer, failure);
                            cancelRemotely(exchange, "polling it failed");
                        } catch (ImageGenerationException e) {
                            cancelRemotely(exchange, "its answer was unusable");
                            fail(target, exchange, e);
                        } catch (Throwable e) {
                            fail(target, exchange, internal(e));
                        }
                    });
        } catch (Throwable e) {
            fail(target, exchange, internal(e));
        }
    }

    /** Tells the provider to stop a pending generation; fire and forget, logged. */
    private void cancelRemotely(Exchange exchange, String why) {
        Step.Pending pending = exchange.takePending();
        if (pending == null) {
            return;
        }
        try {
            Request cancel = protocol.cancel(pending);
            LOG.info(
                    "cancelling prediction {} of the {} image of job {} at the provider: {}",
                    pending.id(),
                    exchange.request.style().key(),
                    exchange.request.jobId(),
                    why);
            client.newCall(cancel).enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                    LOG.warn(
                            "could not cancel prediction {} at the provider ({})",
                            pending.id(),
                            e.getClass().getSimpleName());
                }

                @Override
                public void onResponse(Call call, Response response) {
                    try (response) {
                        if (!response.isSuccessful()) {
                            LOG.warn(
                                    "the provider answered HTTP {} to cancelling prediction {}",
                                    response.code(),
                                    pending.id());
                        }
                    }
                }
            });
        } catch (Throwable e) {
            LOG.error(
                    "could not cancel a prediction at the provider: {}",
                    e.getClass().getName());
        }
    }

    private GeneratedImage image(byte[] bytes) {
        ImageFormat format = ImageSniffer.formatOf(bytes)
                .orElseThrow(() -> badResponse("the provider's image is not a PNG, JPEG or WEBP file"));
        OptionalLong pixels = ImageSniffer.pixelsOf(bytes, format);
        if (pixels.isEmpty()) {
            throw badResponse("the provider's " + format.name() + " image has no readable size");
        }
        if (pixels.getAsLong() > settings.limits().maxPixels()) {
            throw badResponse("the provider's image has " + pixels.getAsLong() + " pixels, more than "
                    + settings.limits().maxPixels());
        }
        return new GeneratedImage(bytes, format.mediaType(), name());
    }

    private void fail(CompletableFuture<GeneratedImage> target, Exchange exchange, ImageGenerationException error) {
        if (target.completeExceptionally(error) && !exchange.isCancelled()) {
            if (closed) {
                LOG.debug(
                        "the {} image of job {} ended unfinished: the generator was closed",
                        exchange.request.style().key(),
                        exchange.request.jobId());
            } else if (error.code().equals(ImageGenerationException.INTERNAL)) {
                LOG.error(
                        "image generation failed for the {} image of job {}: {} {}",
                        exchange.request.style().key(),
                        exchange.request.jobId(),
                        error.code(),
                        error.getMessage());
            } else {
                LOG.warn(
                        "image generation failed for the {} image of job {}: {} {}",
                        exchange.request.style().key(),
                        exchange.request.jobId(),
                        error.code(),
                        error.getMessage());
            }
        }
    }

    // ---- one attempt: budget, then a free place, then one asynchronous HTTP exchange ----

    private enum Kind {
        CREATE,
        POLL,
        DOWNLOAD
    }

    private void attempt(
            dev.failsafe.AsyncExecution<ProviderAnswer> execution,
            Supplier<Request> request,
            Exchange exchange,
            Kind kind) {
        try {
            if (exchange.isCancelled()) {
                execution.recordException(new CallerCancelledException());
                return;
            }
            Duration left = exchange.timeLeft(clock);
            if (left.toMillis() <= 0) {
                execution.recordException(new DeadlineReachedException());
                return;
            }
            if (kind != Kind.CREATE) {
                send(execution, request, exchange, kind, CompletableFuture.completedFuture(CallLimiter.Permit.NONE));
                return;
            }
            budget.reserve(left).whenComplete((slot, error) -> {
                try {
                    if (error != null) {
                        // the budget's store is down: better to call than to fail every job
                        LOG.warn(
                                "the provider's rate budget is unavailable ({}); calling without it",
                                unwrap(error).getClass().getSimpleName());
                        send(execution, request, exchange, kind, limiter.acquire());
                    } else if (slot.isEmpty()) {
                        execution.recordException(new BudgetExhaustedException());
                    } else if (slot.get().isZero()) {
                        send(execution, request, exchange, kind, limiter.acquire());
                    } else {
                        long wait = slot.get().toMillis();
                        waitingForBudget.incrementAndGet();
                        budgetWaitMillis.addAndGet(wait);
                        scheduler.schedule(
                                () -> afterBudgetWait(execution, request, exchange, kind), wait, TimeUnit.MILLISECONDS);
                    }
                } catch (Throwable e) {
                    execution.recordException(e);
                }
            });
        } catch (Throwable e) {
            execution.recordException(e);
        }
    }

    /** The reserved slot has come: a pause set meanwhile (a 429 seen by any instance) still holds the call. */
    private void afterBudgetWait(
            dev.failsafe.AsyncExecution<ProviderAnswer> execution,
            Supplier<Request> request,
            Exchange exchange,
            Kind kind) {
        try {
            budget.pauseLeft().whenComplete((left, error) -> {
                try {
                    long pause = error == null ? left.toMillis() : 0;
                    if (pause <= 0) {
                        waitingForBudget.decrementAndGet();
                        send(execution, request, exchange, kind, limiter.acquire());
                    } else if (pause >= exchange.timeLeft(clock).toMillis()) {
                        waitingForBudget.decrementAndGet();
                        execution.recordException(new BudgetExhaustedException());
                    } else {
                        budgetWaitMillis.addAndGet(pause);
                        scheduler.schedule(
                                () -> afterBudgetWait(execution, request, exchange, kind),
                                pause,
                                TimeUnit.MILLISECONDS);
                    }
                } catch (Throwable e) {
                    execution.recordException(e);
                }
            });
        } catch (Throwable e) {
            waitingForBudget.decrementAndGet();
            execution.recordException(e);
        }
    }

    private void send(
            dev.failsafe.AsyncExecution<ProviderAnswer> execution,
            Supplier<Request> request,
            Exchange exchange,
            Kind kind,
            CompletableFuture<CallLimiter.Permit> permit) {
        exchange.waitingFor(permit);
        permit.whenComplete((granted, error) -> {
            try {
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
                Request built = request.get();
                exchange.counted();
                enqueue(
                        execution,
                        built,
                        exchange,
                        kind,
                        granted,
                        kind == Kind.DOWNLOAD ? downloadClient : client,
                        true);
            } catch (Throwable e) {
                if (granted != null) {
                    granted.release();
                }
                execution.recordException(e);
            }
        });
    }

    private void enqueue(
            dev.failsafe.AsyncExecution<ProviderAnswer> execution,
            Request request,
            Exchange exchange,
            Kind kind,
            CallLimiter.Permit granted,
            OkHttpClient via,
            boolean mayRepeatFresh) {
        Trace trace = new Trace();
        long sentAt = System.nanoTime();
        Call call = via.newCall(request.newBuilder().tag(Trace.class, trace).build());
        // one attempt never runs past the job deadline
        long leftMillis = Math.max(1, exchange.timeLeft(clock).toMillis());
        call.timeout().timeout(Math.min(settings.timeouts().call().toMillis(), leftMillis), TimeUnit.MILLISECONDS);
        exchange.started(call);
        long limit = kind == Kind.DOWNLOAD
                ? settings.limits().maxDownloadBytes()
                : settings.limits().maxResponseBytes();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                try {
                    if (exchange.isCancelled()) {
                        granted.release();
                        execution.recordException(new CallerCancelledException());
                        return;
                    }
                    if (mayRepeatFresh && trace.diedOnReusedConnection() && !(e instanceof InterruptedIOException)) {
                        // the pooled connection was dead (a restarted provider): not the provider's failure
                        freshRetries.incrementAndGet();
                        via.connectionPool().evictAll();
                        LOG.info(
                                "a reused connection to the provider was dead ({}); repeating on a fresh one",
                                e.getClass().getSimpleName());
                        OkHttpClient fresh = kind == Kind.DOWNLOAD
                                ? downloadClient
                                        .newBuilder()
                                        .connectionPool(freshClient.connectionPool())
                                        .build()
                                : freshClient;
                        enqueue(execution, request, exchange, kind, granted, fresh, false);
                        return;
                    }
                    exchange.noteOutcome(e.getClass().getSimpleName());
                    callMetrics.callFinished(outcomeOf(null, e), Duration.ofNanos(System.nanoTime() - sentAt));
                    granted.release();
                    execution.recordException(e);
                } catch (Throwable t) {
                    granted.release();
                    execution.recordException(t);
                }
            }

            @Override
            public void onResponse(Call answered, Response response) {
                ProviderAnswer answer;
                try (response) {
                    answer = read(response, limit);
                } catch (Throwable e) {
                    granted.release();
                    if (!exchange.isCancelled()) {
                        callMetrics.callFinished(
                                ProviderCallMetrics.Outcome.BAD_RESPONSE, Duration.ofNanos(System.nanoTime() - sentAt));
                    }
                    execution.recordException(exchange.isCancelled() ? new CallerCancelledException() : e);
                    return;
                }
                try {
                    exchange.noteOutcome("HTTP " + answer.status());
                    callMetrics.callFinished(outcomeOf(answer, null), Duration.ofNanos(System.nanoTime() - sentAt));
                    if (answer.status() == 429) {
                        answer.retryAfter()
                                .flatMap(value -> RetryAfter.parse(value, clock))
                                .ifPresent(wait -> pauseEveryone(wait));
                    }
                    if (answer.isTransientFailure() && kind == Kind.CREATE) {
                        logProviderWords(answer, exchange);
                    }
                } finally {
                    granted.release();
                    execution.recordResult(answer);
                }
            }
        });
    }

    private void pauseEveryone(Duration wait) {
        Instant until = clock.instant().plus(wait);
        budget.pauseUntil(until).whenComplete((done, error) -> {
            if (error != null) {
                LOG.warn(
                        "could not pause the provider's rate budget ({})",
                        unwrap(error).getClass().getSimpleName());
            }
        });
        LOG.info(
                "the provider asked to wait {} ms (429): every instance pauses its calls until {}",
                wait.toMillis(),
                until);
    }

    private static ProviderAnswer read(Response response, long limit) throws IOException {
        ResponseBody body = response.body();
        BufferedSource source = body.source();
        boolean oversized = body.contentLength() > limit || source.request(limit + 1);
        byte[] bytes = oversized ? new byte[0] : source.readByteArray();
        return new ProviderAnswer(
                response.code(), Optional.ofNullable(response.header("Retry-After")), bytes, oversized);
    }

    /** The metrics' name for how one attempt ended: an answer by its status, an exception by its kind. */
    static ProviderCallMetrics.Outcome outcomeOf(ProviderAnswer answer, Throwable failure) {
        if (answer != null) {
            int status = answer.status();
            if (status >= 200 && status < 300) {
                return ProviderCallMetrics.Outcome.SUCCESS;
            }
            return answer.isTransientFailure()
                    ? ProviderCallMetrics.Outcome.UNAVAILABLE
                    : ProviderCallMetrics.Outcome.REJECTED;
        }
        if (failure instanceof java.io.InterruptedIOException) {
            return ProviderCallMetrics.Outcome.TIMEOUT;
        }
        return ProviderCallMetrics.Outcome.UNAVAILABLE;
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
        long base = settings.retries().base().toMillis();
        long max = settings.retries().cap().toMillis();
        long exponential = failedAttempts > 30 ? max : Math.min(max, base << (failedAttempts - 1));
        long half = Math.max(1, exponential / 2);
        Duration backoff = Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
        ProviderAnswer last = context.getLastResult();
        Optional<Duration> asked = last == null ? Optional.empty() : retryAfter(last);
        return asked.filter(wait -> wait.compareTo(backoff) > 0).orElse(backoff);
    }

    // ---- failures ----

    private void logProviderWords(ProviderAnswer answer, Exchange exchange) {
        protocol.describeError(answer.body())
                .ifPresent(text -> LOG.info(
                        "the provider answered HTTP {} for the {} image of job {}: {}",
                        answer.status(),
                        exchange.request.style().key(),
                        exchange.request.jobId(),
                        Redaction.clean(text, settings.provider().apiKey())));
    }

    private ImageGenerationException failureOf(ProviderAnswer answer, Exchange exchange) {
        int status = answer.status();
        if (status == 429) {
            return new ImageGenerationException(
                    ImageGenerationException.UNAVAILABLE,
                    "the provider kept rate-limiting (HTTP 429) after " + exchange.attempts() + " attempt(s)"
                            + retryAfter(answer)
                                    .map(wait -> ", asking to wait " + wait.toSeconds() + " s")
                                    .orElse(""));
        }
        if (status >= 500) {
            return new ImageGenerationException(
                    ImageGenerationException.UNAVAILABLE,
                    "the provider kept failing (HTTP " + status + ") after " + exchange.attempts() + " attempt(s)");
        }
        if (status == 401 || status == 403) {
            return new ImageGenerationException(
                    ImageGenerationException.REJECTED,
                    "the provider refused our credentials (HTTP " + status + "): check CONTENT_IMAGEGEN_API_KEY");
        }
        if (status >= 400) {
            // the provider's own words (possibly quoting the key or the prompt) go to the log only, redacted
            logProviderWords(answer, exchange);
            return new ImageGenerationException(
                    ImageGenerationException.REJECTED,
                    "the provider refused the request (HTTP " + status + "); its reason is in the log");
        }
        return badResponse("the provider answered HTTP " + status + " instead of an image");
    }

    private ImageGenerationException translate(Throwable failure, Exchange exchange) {
        if (closed) {
            return closedError(); // whatever the close made of the call: a cancelled socket, a refused retry
        }
        if (failure instanceof ImageGenerationException generation) {
            return generation;
        }
        if (failure instanceof DeadlineReachedException) {
            return timeout("no image before the job deadline after " + exchange.attempts() + " attempt(s)"
                    + exchange.lastOutcome().map(last -> "; last: " + last).orElse(""));
        }
        if (failure instanceof BudgetExhaustedException) {
            return timeout("the provider's shared rate budget had no free slot before the job deadline");
        }
        if (failure instanceof CallerCancelledException) {
            return new ImageGenerationException(ImageGenerationException.INTERNAL, "cancelled");
        }
        if (failure instanceof AddressGuard.RefusedAddressException) {
            return badResponse("the provider's image URL points to an internal address; it was not fetched");
        }
        if (failure instanceof InterruptedIOException) {
            return timeout("the provider did not answer in time after " + exchange.attempts() + " attempt(s)");
        }
        if (failure instanceof IOException) {
            return new ImageGenerationException(
                    ImageGenerationException.UNAVAILABLE,
                    "could not reach the provider (" + failure.getClass().getSimpleName() + ") after "
                            + exchange.attempts() + " attempt(s)");
        }
        return internal(failure);
    }

    private static ImageGenerationException closedError() {
        return new ImageGenerationException(
                ImageGenerationException.UNAVAILABLE, "the image generator was closed: the service is stopping");
    }

    private static ImageGenerationException timeout(String reason) {
        return new ImageGenerationException(ImageGenerationException.TIMEOUT, reason);
    }

    private static ImageGenerationException badResponse(String reason) {
        return new ImageGenerationException(ImageGenerationException.BAD_RESPONSE, reason);
    }

    /** Anything unexpected, an {@link Error} included: named by its class only (its message may quote anything). */
    private static ImageGenerationException internal(Throwable cause) {
        if (cause instanceof ImageGenerationException generation) {
            return generation;
        }
        String kind = cause instanceof OutOfMemoryError
                ? "out of memory"
                : cause.getClass().getSimpleName();
        LOG.error("image generation failed unexpectedly: {}", cause.getClass().getName());
        return new ImageGenerationException(
                ImageGenerationException.INTERNAL,
                "image generation failed unexpectedly (" + kind + ")",
                cause instanceof OutOfMemoryError ? null : cause);
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

    private static EventListener listenerFor(Call call) {
        Trace trace = call.request().tag(Trace.class);
        return trace == null ? EventListener.NONE : trace.listener();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** What happened on one call's connection: did it die on a reused one before any answer? */
    private static final class Trace {
        private volatile boolean connectionAcquired;
        private volatile boolean newConnection;
        private volatile boolean answered;

        boolean diedOnReusedConnection() {
            return connectionAcquired && !newConnection && !answered;
        }

        EventListener listener() {
            return new EventListener() {
                @Override
                public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                    newConnection = true;
                }

                @Override
                public void connectionAcquired(Call call, Connection connection) {
                    connectionAcquired = true;
                }

                @Override
                public void responseHeadersStart(Call call) {
                    answered = true;
                }

                @Override
                public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
                    newConnection = true;
                }
            };
        }
    }

    /** What one {@link #generate} call is doing, so that cancelling its future can reach the right place. */
    private static final class Exchange {
        final ImageRequest request;
        final Instant giveUpAt;
        private final AtomicInteger attempts = new AtomicInteger();
        private final AtomicReference<CompletableFuture<?>> waiting = new AtomicReference<>();
        private final AtomicReference<Call> call = new AtomicReference<>();
        private final AtomicReference<Step.Pending> pending = new AtomicReference<>();
        private final AtomicBoolean remoteCancelled = new AtomicBoolean();
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

        void counted() {
            attempts.incrementAndGet();
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

        void pending(Step.Pending value) {
            pending.set(value);
        }

        /** The pending generation, once: a second cancel is never sent. */
        Step.Pending takePending() {
            Step.Pending value = pending.getAndSet(null);
            return value != null && remoteCancelled.compareAndSet(false, true) ? value : null;
        }

        void waitingFor(CompletableFuture<?> permit) {
            waiting.set(permit);
            if (cancelled) {
                permit.cancel(false);
            }
        }

        void started(Call started) {
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

    /** The shared rate budget had no slot before the job deadline: not the provider's failure. */
    private static final class BudgetExhaustedException extends RuntimeException {
        BudgetExhaustedException() {
            super("no budget slot before the job deadline", null, false, false);
        }
    }
}
