package dev.contentservice.adapter.rest;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access for the configured origins only: their requests get {@code
 * Access-Control-Allow-Origin} (their own origin, never {@code *}) and their preflights the methods and
 * headers the API uses; any other origin gets no allow header, so its browser refuses the answer.
 */
final class Cors {
    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Prefer, Last-Event-ID, X-Request-Id";
    static final String EXPOSED_HEADERS = "Location, Retry-After, X-Request-Id";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> origins;

    Cors(List<String> origins) {
        this.origins = origins.stream().map(Cors::normal).collect(Collectors.toUnmodifiableSet());
    }

    boolean enabled() {
        return !origins.isEmpty();
    }

    /** Before every request: marks answers to an allowed origin. */
    void decorate(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !enabled()) {
            return;
        }
        ctx.header("Vary", "Origin");
        if (origins.contains(normal(origin))) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    /** The OPTIONS handler of every route: a preflight from an allowed origin learns what it may send. */
    void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && origins.contains(normal(origin)) && ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        }
        ctx.header("Allow", ALLOWED_METHODS);
        ctx.status(204);
    }

    private static String normal(String origin) {
        return origin.trim().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
    }
}
