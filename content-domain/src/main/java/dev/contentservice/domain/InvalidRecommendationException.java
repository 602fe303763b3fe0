package dev.contentservice.domain;

/**
 * The AI recommendation record exists but cannot be used: not JSON, or neither title is present.
 * Answered with 422 CONTENT_003.
 */
public final class InvalidRecommendationException extends ContentException {
    public static final String CODE = "CONTENT_003";

    public InvalidRecommendationException(String reason) {
        super(CODE, reason);
    }

    public InvalidRecommendationException(String reason, Throwable cause) {
        super(CODE, reason, cause);
    }
}
