package dev.contentservice.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of an image this service hosts, for example {@code 1b4e…-simple.png}. The alphabet has no
 * slash, dot-dot or percent sign, so a name can never leave its folder or key space.
 */
public record ImageFileName(String value) {
    /** The valid names (checked by hand in {@link #isValid}). */
    static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}\\.(png|jpg|webp)");

    public ImageFileName {
        if (value == null || !isValid(value)) {
            throw new IllegalArgumentException("value must match " + PATTERN.pattern());
        }
    }

    /** The name of one style's image of one job. */
    public static ImageFileName of(JobId jobId, ImageStyle style, ImageFormat format) {
        return new ImageFileName(jobId + "-" + style.key() + "." + format.extension());
    }

    /**
     * The name of one style's poster of one job in one SNS format: the square keeps the seed's {@code
     * {jobId}-{style}.png}, the others are {@code {jobId}-{style}-{format}.png}.
     */
    public static ImageFileName of(JobId jobId, ImageStyle style, PosterFormat format) {
        Objects.requireNonNull(format, "format must not be null");
        return format == PosterFormat.SQUARE
                ? of(jobId, style, ImageFormat.PNG)
                : new ImageFileName(jobId + "-" + style.key() + "-" + format.key() + ".png");
    }

    /**
     * The name of the provider's art of one style of one job, {@code {jobId}-{style}-art.{ext}}: kept for as
     * long as the images, so that edits and further formats never call the provider again.
     */
    public static ImageFileName art(JobId jobId, ImageStyle style, ImageFormat format) {
        return new ImageFileName(jobId + "-" + style.key() + "-art." + format.extension());
    }

    /** Reads a name from untrusted text (a URL path segment); empty when it is not a valid name. */
    public static Optional<ImageFileName> parse(String text) {
        if (text == null || !isValid(text)) {
            return Optional.empty();
        }
        return Optional.of(new ImageFileName(text));
    }

    /** {@link #PATTERN}, checked by hand: three names are made for every job a worker draws. */
    private static boolean isValid(String text) {
        int dot = text.lastIndexOf('.');
        if (dot < 1 || dot > 100) {
            return false;
        }
        String extension = text.substring(dot + 1);
        if (!extension.equals("png") && !extension.equals("jpg") && !extension.equals("webp")) {
            return false;
        }
        for (int i = 0; i < dot; i++) {
            char c = text.charAt(i);
            boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!letterOrDigit && (i == 0 || c != '-')) {
                return false;
            }
        }
        return true;
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
