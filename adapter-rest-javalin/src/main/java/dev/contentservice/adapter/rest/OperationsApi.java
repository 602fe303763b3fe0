package dev.contentservice.adapter.rest;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Health, metrics and the API description. */
final class OperationsApi {
    static final String LIVE_PATH = "/health/live";
    static final String READY_PATH = "/health/ready";
    static final String METRICS_PATH = "/metrics";
    static final String OPENAPI_PATH = "/openapi.yaml";

    static final String PROMETHEUS_MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String YAML_MEDIA_TYPE = "application/yaml; charset=utf-8";
    private static final String OPENAPI_RESOURCE = "openapi.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(OperationsApi.class);

    private final Supplier<Map<String, Boolean>> readiness;
    private final Supplier<String> metricsScrape;
    private final byte[] openApi;
    private volatile Supplier<Map<String, Object>> detail = Map::of;

    OperationsApi(Supplier<Map<String, Boolean>> readiness, Supplier<String> metricsScrape) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.metricsScrape = Objects.requireNonNull(metricsScrape, "metricsScrape");
        this.openApi = loadOpenApi();
    }

    /** Health, metrics and the API description: open unless the operator protects them too. */
    static boolean isOperationsPath(String path) {
        return path.startsWith("/health/") || path.equals(METRICS_PATH) || path.equals(OPENAPI_PATH);
    }

    private static byte[] loadOpenApi() {
        try (InputStream in = OperationsApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + OPENAPI_RESOURCE + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }

    /** More about some components (for example the image provider's circuit), shown under {@code detail}. */
    void readinessDetail(Supplier<Map<String, Object>> value) {
        this.detail = Objects.requireNonNull(value, "detail");
    }

    void live(Context ctx) {
        ContentApi.json(ctx.status(200), Map.of("status", "UP"));
    }

    void ready(Context ctx) {
        Map<String, String> components = new TreeMap<>();
        boolean up;
        try {
            Map<String, Boolean> states = readiness.get();
            states.forEach((name, isUp) -> components.put(name, Boolean.TRUE.equals(isUp) ? "UP" : "DOWN"));
            up = !components.containsValue("DOWN");
        } catch (RuntimeException e) {
            LOG.warn("The readiness check failed: {}", e.toString());
            up = false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("components", components);
        try {
            Map<String, Object> details = detail.get();
            if (!details.isEmpty()) {
                body.put("detail", details);
            }
        } catch (RuntimeException e) {
            LOG.warn("The readiness detail could not be read: {}", e.toString());
        }
        ContentApi.json(ctx.status(up ? 200 : 503), body);
    }

    void metrics(Context ctx) {
        String scrape = metricsScrape.get();

        ctx.header("Cache-Control", "no-store");
        ctx.status(200).contentType(PROMETHEUS_MEDIA_TYPE).result(scrape);
    }

    void openApi(Context ctx) {
        ctx.status(200).contentType(YAML_MEDIA_TYPE).result(openApi);
    }
}
