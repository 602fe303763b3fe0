package dev.contentservice.adapter.rest;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The start and end of every request: the {@code X-Request-Id} (taken from the request when it is a
 * plausible id, made otherwise; always returned) in the MDC as {@code requestId} while the request is
 * served, and the request metric by method, route template and status.
 */
final class RequestTracing {
    static final String HEADER = "X-Request-Id";
    static final String MDC_REQUEST_ID = "requestId";
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String STARTED = RequestTracing.class.getName() + ".started";

    private final RequestMetrics metrics;

    RequestTracing(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    void begin(Context ctx) {
        String id = ctx.header(HEADER);
        if (id == null || !PLAUSIBLE.matcher(id).matches()) {
            id = madeId();
        }
        ctx.attribute(STARTED, System.nanoTime());
        ctx.header(HEADER, id);
        MDC.put(MDC_REQUEST_ID, id);
    }

    void end(Context ctx) {
        try {
            Long started = ctx.attribute(STARTED);
            Duration took = started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
            metrics.requestFinished(ctx.method().name(), routeOf(ctx), ctx.statusCode(), took);
        } finally {
            MDC.remove(MDC_REQUEST_ID);
            MDC.remove("jobId");
            MDC.remove("eventDraftId");
        }
    }

    /**
     * A random (version 4) UUID for a request that brought no id of its own. It only tells log lines apart, so
     * it comes from the thread's fast generator rather than {@link UUID#randomUUID()}'s SecureRandom, whose
     * shared source every request would otherwise queue on.
     */
    static String madeId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** The template of the route that answered: never the raw path, which holds ids. */
    static String routeOf(Context ctx) {
        Endpoint matched;
        try {
            matched = ctx.endpoints().matchedHttpEndpoint();
        } catch (RuntimeException none) {
            matched = null;
        }
        if (matched != null) {
            return PageFiles.isPagePath(matched.path) ? "static" : matched.path;
        }
        return ctx.statusCode() < 400 ? "static" : "unmatched";
    }
}
