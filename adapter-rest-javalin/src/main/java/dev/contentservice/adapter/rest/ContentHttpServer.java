package dev.contentservice.adapter.rest;

import dev.contentservice.application.ReadJobStatus;
import dev.contentservice.application.RequestImageGeneration;
import dev.contentservice.domain.ImageStore;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
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

    private final HttpSettings settings;
    private final Javalin app;
    private boolean started;
    private boolean stopped;

    /**
     * @param readiness the state of every component the service needs (for example {@code jobs} →
     *     up), read on each {@code /health/ready}
     * @param metricsScrape the metrics in the Prometheus text format, read on each {@code /metrics}
     */
    public ContentHttpServer(
            HttpSettings settings,
            RequestImageGeneration requestImageGeneration,
            ReadJobStatus readJobStatus,
            ImageStore imageStore,
            Supplier<Map<String, Boolean>> readiness,
            Supplier<String> metricsScrape) {
        this.settings = Objects.requireNonNull(settings, "settings");
        ContentApi content =
                new ContentApi(requestImageGeneration, readJobStatus, imageStore, settings.retryAfterSeconds());
        OperationsApi operations = new OperationsApi(readiness, metricsScrape);
        ErrorResponder errors = new ErrorResponder(settings.retryAfterSeconds());
        this.app = Javalin.create(config -> configure(config, content, operations, errors));
    }

    private void configure(JavalinConfig config, ContentApi content, OperationsApi operations, ErrorResponder errors) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.http.maxRequestSize = settings.maxRequestBodyBytes();
        config.http.prefer405over404 = true;

        JsonErrorHandler jettyErrors = new JsonErrorHandler();
        config.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });

        if (ContentHttpServer.class.getResource(WEB_FOLDER) != null) {
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = WEB_FOLDER;
                files.location = Location.CLASSPATH;
            });
        } else {
            LOG.info("No classpath folder {}: the demo page is not served", WEB_FOLDER);
        }

        BodyLimit bodyLimit = new BodyLimit(settings.maxRequestBodyBytes());
        config.routes.before(bodyLimit::check);
        config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));

        config.routes.post(ContentApi.GENERATE_PATH, content::generate);
        getAndHead(config, ContentApi.STATUS_PATH, content::status);
        getAndHead(config, ContentApi.IMAGE_FILE_PATH, content::imageFile);
        getAndHead(config, OperationsApi.LIVE_PATH, operations::live);
        getAndHead(config, OperationsApi.READY_PATH, operations::ready);
        getAndHead(config, OperationsApi.METRICS_PATH, operations::metrics);
        getAndHead(config, OperationsApi.OPENAPI_PATH, operations::openApi);

        config.routes.exception(HttpResponseException.class, errors::respond);
        config.routes.exception(Exception.class, errors::respond);
        config.router.javaLangErrorHandler(errors::respondToError);
    }

    /** HEAD answers exactly like GET, without the body (Javalin alone would answer 200 to any HEAD). */
    private static void getAndHead(JavalinConfig config, String path, Handler handler) {
        config.routes.get(path, handler);
        config.routes.head(path, handler);
    }

    /** Starts listening; returns the actual port (the chosen one when the settings asked for 0). */
    public synchronized int start() {
        if (started) {
            throw new IllegalStateException("the server was already started");
        }
        started = true;
        app.start();
        LOG.info("HTTP API listening on {}:{}", settings.host(), app.port());
        return app.port();
    }

    /** The port the server listens on. */
    public synchronized int port() {
        if (!started || stopped) {
            throw new IllegalStateException("the server is not running");
        }
        return app.port();
    }

    /** Stops listening and finishes the requests in progress. Idempotent. */
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

    /** Rejects bodies over the limit before any handler runs, also when they come without a length. */
    private record BodyLimit(long maxBytes) {
        void check(Context ctx) throws IOException {
            long declared = ctx.req().getContentLengthLong();
            if (declared > maxBytes) {
                throw new HttpProblem(ApiError.PAYLOAD_TOO_LARGE);
            }
            if (declared < 0 && ctx.header("Transfer-Encoding") != null) {
                InputStream body = ctx.req().getInputStream();
                if (body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1)).length > maxBytes) {
                    throw new HttpProblem(ApiError.PAYLOAD_TOO_LARGE);
                }
            }
        }
    }
}
