package dev.contentservice.adapter.rest;

import dev.contentservice.domain.ContentException;
import dev.contentservice.domain.DraftImagesNotFoundException;
import dev.contentservice.domain.InvalidEventDraftIdException;
import dev.contentservice.domain.InvalidImageEditException;
import dev.contentservice.domain.InvalidRecommendationException;
import dev.contentservice.domain.JobFinishedException;
import dev.contentservice.domain.JobInFlightException;
import dev.contentservice.domain.JobNotFoundException;
import dev.contentservice.domain.RecommendationMissingException;
import dev.contentservice.domain.StoreUnavailableException;
import dev.contentservice.domain.WebhookRefusedException;
import dev.contentservice.domain.WebhooksDisabledException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become answers: every exception a request raises (domain, Javalin or
 * unexpected) is mapped here to a status and a {@code {"code","message"}} body. Unexpected failures are
 * logged with their stack trace and answered with a generic 500 that reveals nothing about them.
 */
final class ErrorResponder {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

    private final int retryAfterSeconds;

    ErrorResponder(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * Answers the request with the error that {@code failure} stands for. A long-poll's failure may arrive
     * after its client went and the server recycled the request: then there is no one to answer, and the
     * failure is only logged.
     */
    void respond(Throwable failure, Context ctx) {
        ApiError error = toApiError(failure, ctx);
        try {
            if (error.status() == 405 && failure instanceof HttpResponseException javalin) {
                allowedMethods(javalin.getDetails()).ifPresent(allow -> ctx.header("Allow", allow));
            }
            write(ctx, error);
        } catch (RuntimeException gone) {
            LOG.debug("Could not answer {} with {}: the request is gone", where(ctx), error.code(), gone);
        }
    }

    /** The method and (abbreviated) path of the request, for a log line; safe once the request is recycled. */
    private static String where(Context ctx) {
        try {
            return ctx.method() + " " + abbreviate(ctx.path());
        } catch (RuntimeException recycled) {
            return "a request that has ended";
        }
    }

    /** Writes an error answer (status, headers, JSON body), replacing whatever the response held. */
    void write(Context ctx, ApiError error) {
        if (error.status() == 503) {
            ctx.header("Retry-After", Integer.toString(retryAfterSeconds));
        }
        ctx.header("Cache-Control", "no-store");
        ctx.status(error.status()).contentType(Json.MEDIA_TYPE).result(Json.bytes(error.body()));
    }

    /** Answers a {@link java.lang.Error} (out of memory, stack overflow) that escaped a handler. */
    void respondToError(HttpServletResponse response, Error error) {
        LOG.error("Unexpected error while serving a request", error);
        try {
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            response.setStatus(ApiError.INTERNAL_ERROR.status());
            response.setContentType(Json.MEDIA_TYPE);
            response.getOutputStream().write(Json.bytes(ApiError.INTERNAL_ERROR.body()));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not write the error answer", e);
        }
    }

    ApiError toApiError(Throwable failure, Context ctx) {
        if (failure instanceof HttpProblem problem) {
            return problem.error();
        }
        if (failure instanceof ContentException content) {
            return fromDomain(content, ctx);
        }
        if (failure instanceof HttpResponseException javalin) {
            return fromStatus(javalin);
        }
        Optional<ApiError> unreadable = unreadableRequest(failure);
        if (unreadable.isPresent()) {
            // the client's fault (a malformed chunk, a body cut short of its length): one line, no stack trace
            LOG.info("Could not read the request on {}: {}", where(ctx), describe(failure));
            return unreadable.get();
        }
        LOG.error("Unexpected failure on {}", where(ctx), failure);
        return ApiError.INTERNAL_ERROR;
    }

    /**
     * The answer to a request whose bytes Jetty could not read (it says which status through {@link
     * HttpException}, a 400 for a malformed chunk), or whose body ended before its announced length (the
     * client closed its side: {@link EofException}); empty for any other failure.
     */
    private static Optional<ApiError> unreadableRequest(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return Optional.of(ApiError.forStatus(http.getCode()));
            }
            if (cause instanceof EofException) {
                return Optional.of(ApiError.BAD_REQUEST);
            }
        }
        return Optional.empty();
    }

    private static ApiError fromDomain(ContentException failure, Context ctx) {
        if (failure instanceof InvalidEventDraftIdException) {
            return ApiError.INVALID_EVENT_DRAFT_ID;
        }
        if (failure instanceof RecommendationMissingException) {
            return ApiError.RECOMMENDATION_MISSING;
        }
        if (failure instanceof InvalidRecommendationException) {
            LOG.info("Unusable recommendation on {}: {}", where(ctx), failure.getMessage());
            return ApiError.INVALID_RECOMMENDATION;
        }
        if (failure instanceof JobNotFoundException) {
            return ApiError.JOB_NOT_FOUND;
        }
        if (failure instanceof WebhookRefusedException) {
            return ApiError.INVALID_WEBHOOK;
        }
        if (failure instanceof WebhooksDisabledException) {
            return ApiError.WEBHOOKS_DISABLED;
        }
        if (failure instanceof JobInFlightException) {
            return ApiError.JOB_IN_FLIGHT;
        }
        if (failure instanceof JobFinishedException) {
            return ApiError.JOB_FINISHED;
        }
        if (failure instanceof InvalidImageEditException edit) {
            return ImageEditRequest.refused(edit);
        }
        if (failure instanceof DraftImagesNotFoundException) {
            return ApiError.DRAFT_IMAGES_NOT_FOUND;
        }
        if (failure instanceof StoreUnavailableException) {
            // an expected outage: one line, no stack trace
            LOG.warn("A store did not answer on {}: {}", where(ctx), describe(failure));
            return ApiError.STORE_UNAVAILABLE;
        }
        LOG.error("Unexpected domain failure {} on {}", failure.code(), where(ctx), failure);
        return ApiError.INTERNAL_ERROR;
    }

    private static ApiError fromStatus(HttpResponseException failure) {
        int status = failure.getStatus();
        if (status >= 500) {
            LOG.error("Server error {} while serving a request", status, failure);
        }
        if (status < 400 || status > 599) {
            return ApiError.INTERNAL_ERROR;
        }
        return ApiError.forStatus(status);
    }

    private static Optional<String> allowedMethods(Map<String, String> details) {
        if (details == null) {
            return Optional.empty();
        }
        String methods = details.getOrDefault("availableMethods", details.get("Available methods"));
        return Optional.ofNullable(methods).filter(m -> !m.isBlank());
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause();
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return cause == null || cause.getMessage() == null ? text : text + " (" + abbreviate(cause.getMessage()) + ")";
    }

    /** Request paths are attacker-controlled: log a bounded, single-line prefix only. */
    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "…";
    }
}
