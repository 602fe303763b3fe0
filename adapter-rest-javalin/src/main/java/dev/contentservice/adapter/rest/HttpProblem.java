package dev.contentservice.adapter.rest;

import java.util.Objects;

/** Raised by the adapter's own handlers to answer with one of the {@link ApiError}s. No stack trace. */
final class HttpProblem extends RuntimeException {
    private final transient ApiError error;

    HttpProblem(ApiError error) {
        super(error.code(), null, false, false);
        this.error = Objects.requireNonNull(error, "error must not be null");
    }

    ApiError error() {
        return error;
    }
}
