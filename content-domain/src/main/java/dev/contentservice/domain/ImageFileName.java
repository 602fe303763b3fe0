package dev.contentservice.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of an image this service hosts, for example {@code 1b4e…-simple.png}. The alphabet has no
 * slash, dot-dot or percent sign, so a name can never leave its folder or key space.
 */
public record ImageFileName(String value) {
    private static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}\\.(png|jpg|webp)");

    public ImageFileName {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("value must match " + PATTERN.pattern());
        }
    }

    /** The name of one style's image of one job. */
    public static ImageFileName of(JobId jobId, ImageStyle style, ImageFormat format) {
        return new ImageFileName(jobId + "-" + style.key() + "." + format.extension());
    }

    /** Reads a name from untrusted text (a URL path segment); empty when it is not a valid name. */
    public static Optional<ImageFileName> parse(String text) {
        if (text == null || !PATTERN.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ImageFileName(text));
    }

    public ImageFormat format() {
        return ImageFormat.fromExtension(value.substring(value.lastIndexOf('.') + 1))
                .orElseThrow();
    }

    @Override
    public String toString() {
        return value;
    }
}
