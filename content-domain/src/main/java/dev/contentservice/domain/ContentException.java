package dev.contentservice.domain;

/**
 * Root of the service's unchecked errors. Every subtype carries a stable machine {@link #code()} that
 * clients and operators can rely on; the message is for people.
 */
public abstract class ContentException extends RuntimeException {
    private final String code;

    protected ContentException(String code, String message) {
        this(code, message, null);
    }

    protected ContentException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireCode(code);
    }

    private static String requireCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        return code;
    }

    /** The stable machine code, for example {@code CONTENT_001}. */
    public String code() {
        return code;
    }
}
