package dev.contentservice.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A job's id: a random UUID, written in its canonical lower-case form. */
public record JobId(UUID value) {
    public JobId {
        Objects.requireNonNull(value, "jobId must not be null");
    }

    public static JobId random() {
        return new JobId(UUID.randomUUID());
    }

    /**
     * Reads a job id from untrusted text. Only the canonical 36-character form is accepted ({@link
     * UUID#fromString} alone also takes odd forms such as {@code 1-1-1-1-1}).
     */
    public static Optional<JobId> parse(String text) {
        if (text == null || !isCanonical(text)) {
            return Optional.empty();
        }
        return Optional.of(new JobId(UUID.fromString(text.toLowerCase(Locale.ROOT))));
    }

    /** The 8-4-4-4-12 hexadecimal form, checked by hand: it is read for every job a worker claims. */
    private static boolean isCanonical(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
