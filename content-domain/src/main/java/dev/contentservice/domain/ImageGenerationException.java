package dev.contentservice.domain;

/**
 * Generating one image failed. The {@link #code()} is one of the stable {@code IMAGEGEN_*} codes below;
 * {@link #retryable()} says whether the same request may succeed later (a timeout, a 429, a 5xx) or
 * not (a content-policy refusal, a malformed answer).
 */
public final class ImageGenerationException extends ContentException {
    /** The provider or the job deadline ran out of time. */
    public static final String TIMEOUT = "IMAGEGEN_TIMEOUT";
    /** The provider could not be reached, answered 429/5xx after every retry, or its circuit is open. */
    public static final String UNAVAILABLE = "IMAGEGEN_UNAVAILABLE";
    /** The provider refused the request (a 4xx other than 429: content policy, bad request, auth). */
    public static final String REJECTED = "IMAGEGEN_REJECTED";
    /** The provider answered something that is not a usable image. */
    public static final String BAD_RESPONSE = "IMAGEGEN_BAD_RESPONSE";
    /** Anything else that went wrong inside the generator. */
    public static final String INTERNAL = "IMAGEGEN_INTERNAL";

    private final boolean retryable;

    public ImageGenerationException(String code, String message, boolean retryable) {
        this(code, message, retryable, null);
    }

    public ImageGenerationException(String code, String message, boolean retryable, Throwable cause) {
        super(code, message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
