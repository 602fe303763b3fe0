package dev.contentservice.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A job's id: a random UUID, written in its canonical lower-case form. A class rather than a record so
 * that it keeps that text: a job's id is written into its keys, file names, notices and log line several
 * times per job.
 */
public final class JobId {
    private final UUID value;
    private final String text;

    public JobId(UUID value) {
        this.value = Objects.requireNonNull(value, "jobId must not be null");
        this.text = value.toString();
    }

    private JobId(UUID value, String canonical) {
        this.value = value;
        this.text = canonical;
    }

    public UUID value() {
        return value;
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
        String canonical = text.toLowerCase(Locale.ROOT);
        return Optional.of(new JobId(UUID.fromString(canonical), canonical));
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
    public boolean equals(Object other) {
        return other instanceof JobId id && value.equals(id.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
