package dev.contentservice.adapter.rest;

import dev.contentservice.application.AwaitJobStatus;
import dev.contentservice.application.CancelJob;
import dev.contentservice.application.ChooseStyle;
import dev.contentservice.application.JobDurationEstimator;
import dev.contentservice.application.ReadDraftImages;
import dev.contentservice.application.ReadJobStatus;
import dev.contentservice.application.RequestImageEdit;
import dev.contentservice.application.RequestImageGeneration;
import dev.contentservice.domain.ImageLinks;
import dev.contentservice.domain.ImageStore;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinBindException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's HTTP API on Javalin: the seed's two endpoints, the hosted images, health, metrics, the
 * OpenAPI description and the demo page (the classpath folder {@code web/}, served at {@code /} when it
 * is present). Every error, also those Jetty answers by itself, is a {@code {"code","message"}} JSON body.
 *
 * <p>Built from plain objects; {@link #start()} once, {@link #stop()} once.
 */
public final class ContentHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContentHttpServer.class);
    private static final String WEB_FOLDER = "/web";
    private static final Duration ASYNC_SAFETY_TIMEOUT = Duration.ofMinutes(15);
    /** A body {@link BodyLimit} read while counting it. */
    private static final String BODY_ATTRIBUTE = "content.body";
    /** Longer than the longest wait (30 s), so that a silent long-poll is not cut by Jetty's idle timeout. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(65);

    /** Where this server hosts the images it stores: the one place this path is written. */
    public static final String IMAGE_FILES_PATH = "/api/content/images/files/";

    private final HttpSettings settings;
    private final Javalin app;
    private final OperationsApi operations;
    private boolean started;
    private boolean stopped;

    /**
     * @param readiness the state of every component the service needs (for example {@code jobs} →
     *     up), read on each {@code /health/ready}
     * @param metricsScrape the metrics in the Prometheus text format, read on each {@code /metrics}
     * @param awaitJobStatus serves the status requests that wait, and the job events
     * @param estimates the {@code Retry-After} of jobs in progress (the settings' value until it knows)
     * @param readDraftImages the draft's latest images, for {@code GET /api/content/images/{eventDraftId}}
     * @param chooseStyle the owner's choice, for {@code PUT /api/content/images/{eventDraftId}/selection}
     * @param cancelJob answers {@code DELETE /api/content/jobs/{jobId}}; without it that route is absent
     * @param requestMetrics told about every answered request
     * @param requestImageEdit answers {@code POST /api/content/images/{eventDraftId}/edits}; without it that
     *     route is absent
     */
    public ContentHttpServer(
            HttpSettings settings,
            RequestImageGeneration requestImageGeneration,
            ReadJobStatus readJobStatus,
            AwaitJobStatus awaitJobStatus,
            JobDurationEstimator estimates,
            ImageStore imageStore,
            ReadDraftImages readDraftImages,
            ChooseStyle chooseStyle,
            Supplier<Map<String, Boolean>> readiness,
            Supplier<String> metricsScrape,
            Optional<CancelJob> cancelJob,
            RequestMetrics requestMetrics,
            Optional<RequestImageEdit> requestImageEdit) {
        this.settings = Objects.requireNonNull(settings, "settings");
        ContentApi content = new ContentApi(
                requestImageGeneration,
                readJobStatus,
                awaitJobStatus,
                estimates,
                imageStore,
                settings.retryAfterSeconds(),
                cancelJob,
                requestImageEdit);
        DraftImagesApi draftImages = new DraftImagesApi(readDraftImages, chooseStyle);
        OperationsApi operations = new OperationsApi(readiness, metricsScrape);
        this.operations = operations;
        ErrorResponder errors = new ErrorResponder(settings.retryAfterSeconds());
        RequestTracing tracing = new RequestTracing(Objects.requireNonNull(requestMetrics, "requestMetrics"));
        this.app = Javalin.create(config -> configure(config, content, draftImages, operations, errors, tracing));
    }

    /** Links to the images this server hosts, under the public base URL (no trailing slash) read on each call. */
    public static ImageLinks imageLinks(Supplier<String> publicBaseUrl) {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        return name -> publicBaseUrl.get() + IMAGE_FILES_PATH + name.value();
    }

    private void configure(
            JavalinConfig config,
            ContentApi content,
            DraftImagesApi draftImages,
            OperationsApi operations,
            ErrorResponder errors,
            RequestTracing tracing) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.http.maxRequestSize = settings.maxRequestBodyBytes();
        config.http.prefer405over404 = true;
        // waits end by themselves (30 s at most, an event stream after 10 minutes): this only catches a leak
        config.http.asyncTimeout = ASYNC_SAFETY_TIMEOUT.toMillis();
        if (settings.maxThreads() > 0) {
            config.jetty.threadPool = new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()));
        }

        JsonErrorHandler jettyErrors = new JsonErrorHandler();
        config.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });

        // looks for the page itself: a shaded jar may hold no entry for the folder
        Optional<PageFiles> page = PageFiles.load(WEB_FOLDER);
        if (page.isPresent()) {
            for (String path : page.get().paths()) {
                config.routes.get(path, page.get()::serve);
                config.routes.addHttpHandler(HandlerType.HEAD, path, page.get()::serve);
            }
            byte[] pageConfig = PageConfig.script();
            config.routes.get(
                    PageConfig.PATH,
                    ctx -> ctx.contentType(PageConfig.MEDIA_TYPE).result(pageConfig));
        } else {
            LOG.info("No {}/index.html on the classpath: the demo page is not served", WEB_FOLDER);
        }

        BodyLimit bodyLimit = new BodyLimit(settings.maxRequestBodyBytes());
        Cors cors = new Cors(settings.corsOrigins());
        AccessGuard access = new AccessGuard(settings.apiKeys(), settings.protectOperations());
        config.routes.before(tracing::begin);
        config.routes.before(ContentHttpServer::securityHeaders);
        config.routes.before(cors::decorate);
        config.routes.before(access::check);
        config.routes.before(bodyLimit::check);
        config.routes.after(tracing::end);

        for (Route route : routes(content, draftImages, operations)) {
            config.routes.addHttpHandler(route.method(), route.path(), route.handler());
            if (HandlerType.GET.equals(route.method())) {
                // HEAD answers exactly like GET, without the body (Javalin alone answers 200 to any HEAD)
                config.routes.addHttpHandler(HandlerType.HEAD, route.path(), route.handler());
            }
        }
        if (cors.enabled()) {
            routes(content, draftImages, operations).stream()
                    .map(Route::path)
                    .distinct()
                    .forEach(path -> config.routes.addHttpHandler(HandlerType.OPTIONS, path, cors::preflight));
        }

        config.routes.exception(HttpResponseException.class, errors::respond);
        config.routes.exception(Exception.class, errors::respond);
        config.router.javaLangErrorHandler(errors::respondToError);
    }

    /**
     * The page's policy (the same as its meta tag, plus what only a header can say) and the usual hardening,
     * on every answer: nothing but this origin's scripts, styles and calls; images also from the hosts
     * that serve the generated images; no framing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " connect-src 'self'; img-src 'self' data: blob: http: https:; font-src 'self'; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    /** Every route of the API (each GET also answers HEAD); the OpenAPI test checks they are all documented. */
    static List<Route> routes(ContentApi content, DraftImagesApi draftImages, OperationsApi operations) {
        List<Route> routes = new java.util.ArrayList<>(List.of(
                new Route(HandlerType.POST, ContentApi.GENERATE_PATH, content::generate),
                new Route(HandlerType.GET, DraftImagesApi.DRAFT_IMAGES_PATH, draftImages::read),
                new Route(HandlerType.PUT, DraftImagesApi.SELECTION_PATH, draftImages::choose),
                new Route(HandlerType.GET, ContentApi.STATUS_PATH, content::status),
                new Route(HandlerType.GET, ContentApi.EVENTS_PATH, content::events),
                new Route(HandlerType.GET, ContentApi.IMAGE_FILE_PATH, content::imageFile),
                new Route(HandlerType.GET, OperationsApi.LIVE_PATH, operations::live),
                new Route(HandlerType.GET, OperationsApi.READY_PATH, operations::ready),
                new Route(HandlerType.GET, OperationsApi.METRICS_PATH, operations::metrics),
                new Route(HandlerType.GET, OperationsApi.OPENAPI_PATH, operations::openApi)));
        if (content.cancels()) {
            routes.add(new Route(HandlerType.DELETE, ContentApi.JOB_PATH, content::cancel));
        }
        if (content.edits()) {
            routes.add(new Route(HandlerType.POST, ContentApi.EDITS_PATH, content::edit));
        }
        return List.copyOf(routes);
    }

    record Route(HandlerType method, String path, Handler handler) {}

    /** Starts listening; returns the actual port (the chosen one when the settings asked for 0). */
    /**
     * Adds a {@code detail} object to {@code /health/ready}: more about some components (for example the image
     * provider's circuit), read on each request; it never changes the status.
     */
    public ContentHttpServer readinessDetail(Supplier<Map<String, Object>> detail) {
        operations.readinessDetail(detail);
        return this;
    }

    public synchronized int start() {
        if (started) {
            throw new IllegalStateException("the server was already started");
        }
        started = true;
        refuseTakenAddress();
        try {
            app.start();
        } catch (JavalinBindException e) {
            throw new HttpBindException(settings.host(), settings.port(), "address already in use", e);
        }
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector jetty) {
                jetty.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            }
        }
        LOG.info("HTTP API listening on {}:{}", settings.host(), app.port());
        return app.port();
    }

    /**
     * Fails before Javalin tries (which would log a stack trace) when the address cannot be bound: the port
     * is taken, or the host is not an address of this machine.
     */
    private void refuseTakenAddress() {
        if (settings.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(settings.host(), settings.port()));
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new HttpBindException(settings.host(), settings.port(), reason, e);
        }
    }

    /** The port the server listens on. */
    public synchronized int port() {
        if (!started || stopped) {
            throw new IllegalStateException("the server is not running");
        }
        return app.port();
    }

    /** Stops listening and closes the connections (requests still in progress are cut off). Idempotent. */
    public synchronized void stop() {
        if (!started || stopped) {
            stopped = true;
            return;
        }
        stopped = true;
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The request's body: the one {@link BodyLimit} already read (a chunked body, whose length it had to
     * count), else Javalin's reading of it.
     */
    static byte[] body(Context ctx) {
        byte[] read = ctx.attribute(BODY_ATTRIBUTE);
        return read != null ? read : ctx.bodyAsBytes();
    }

    /**
     * Rejects bodies over the limit before any handler runs, also when they come without a length. The
     * unread rest of a moderately oversized body is drained first (up to {@link #DRAIN_BYTES}), so that
     * closing the connection does not reset it under the client before it reads the 413; a client that
     * sends {@code Expect: 100-continue} gets the 413 without uploading anything. A chunked body within the
     * limit, read here to be counted, is kept for the handler ({@link #body}).
     */
    private record BodyLimit(long maxBytes) {
        static final long DRAIN_BYTES = 1024 * 1024;

        void check(Context ctx) throws IOException {
            long declared = ctx.req().getContentLengthLong();
            boolean chunked = declared < 0 && ctx.header("Transfer-Encoding") != null;
            if (declared <= maxBytes && !chunked) {
                return;
            }
            if (declared > maxBytes && waitsForContinue(ctx)) {
                throw new HttpProblem(ApiError.PAYLOAD_TOO_LARGE);
            }
            long drainUpTo = Math.max(DRAIN_BYTES, maxBytes + 1);
            if (declared > drainUpTo) {
                throw new HttpProblem(ApiError.PAYLOAD_TOO_LARGE);
            }
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            long read = keepOrSkip(ctx.req().getInputStream(), drainUpTo, kept);
            if (read > maxBytes) {
                throw new HttpProblem(ApiError.PAYLOAD_TOO_LARGE);
            }
            // a chunked body within the limit was read here: the handler reads it from here, not the stream
            ctx.attribute(BODY_ATTRIBUTE, kept.toByteArray());
        }

        private static boolean waitsForContinue(Context ctx) {
            String expect = ctx.header("Expect");
            return expect != null && expect.equalsIgnoreCase("100-continue");
        }

        /**
         * Reads up to {@code limit} bytes, keeping the first {@code maxBytes + 1} in {@code kept} and
         * discarding the rest; returns how many there were.
         */
        private long keepOrSkip(InputStream body, long limit, ByteArrayOutputStream kept) throws IOException {
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while (total < limit && (n = body.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
                int keep = (int) Math.max(0, Math.min(n, maxBytes + 1 - total));
                kept.write(buffer, 0, keep);
                total += n;
            }
            return total;
        }
    }
}
