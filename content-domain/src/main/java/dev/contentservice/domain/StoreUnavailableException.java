package dev.contentservice.domain;

/**
 * A backing store (Redis, for example) did not answer in time or refused the connection. Adapters
 * translate their library's exceptions into this one; the REST adapter answers 503.
 */
public final class StoreUnavailableException extends ContentException {
    public static final String CODE = "STORE_UNAVAILABLE";

    public StoreUnavailableException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
