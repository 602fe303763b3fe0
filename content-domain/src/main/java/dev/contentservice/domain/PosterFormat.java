package dev.contentservice.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The SNS formats a job may ask for: {@code square} 1080×1080 (the seed's, and the default), {@code
 * portrait} 1080×1350 (4:5, feeds) and {@code story} 1080×1920 (9:16). Not to be confused with {@link
 * ImageFormat}, the file type of a stored image.
 */
public enum PosterFormat {
    SQUARE(1080, 1080),
    PORTRAIT(1080, 1350),
    STORY(1080, 1920);

    private final int width;
    private final int height;

    PosterFormat(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** The name in the API: {@code square}, {@code portrait}, {@code story}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public static Optional<PosterFormat> fromKey(String key) {
        for (PosterFormat format : values()) {
            if (format.key().equals(key)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
