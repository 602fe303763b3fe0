package dev.contentservice.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A job's id: a random UUID, written in its canonical lower-case form. */
public record JobId(UUID value) {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

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
        if (text == null || !CANONICAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new JobId(UUID.fromString(text.toLowerCase(Locale.ROOT))));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
