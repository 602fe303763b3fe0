package dev.contentservice.domain;

/**
 * Generating one image failed. The {@link #code()} is one of the stable {@code IMAGEGEN_*} codes below. The
 * message is for the log and {@code job:{id}:error}: adapters write it themselves and never put a provider's
 * text or a key in it; clients see only {@link PublicReason}'s fixed sentence for the code.
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

    public ImageGenerationException(String code, String message) {
        this(code, message, null);
    }

    public ImageGenerationException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
