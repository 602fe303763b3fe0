package dev.contentservice.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The SNS sizes a poster is composed at. Not to be confused with {@link ImageFormat}, the media type of
 * the bytes: every poster format is delivered as a PNG.
 */
public enum PosterFormat {
    /** 1080×1080, the feed square: the seed's size and the default. */
    SQUARE("square", 1080, 1080),
    /** 1080×1350 (4:5), the tallest feed post. */
    PORTRAIT("portrait", 1080, 1350),
    /** 1080×1920 (9:16), stories and reels. */
    STORY("story", 1080, 1920);

    private final String key;
    private final int width;
    private final int height;

    PosterFormat(String key, int width, int height) {
        this.key = key;
        this.width = width;
        this.height = height;
    }

    /** {@code square}, {@code portrait} or {@code story}: the key used in JSON and Redis. */
    public String key() {
        return key;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public static Optional<PosterFormat> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String normalized = key.toLowerCase(Locale.ROOT).strip();
        for (PosterFormat format : values()) {
            if (format.key.equals(normalized)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
