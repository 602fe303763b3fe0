package dev.contentservice.domain;

import java.util.Locale;
import java.util.Optional;

/** The image formats this service stores and serves. */
public enum ImageFormat {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    WEBP("image/webp", "webp");

    private final String mediaType;
    private final String extension;

    ImageFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<ImageFormat> fromMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String normalized = mediaType.toLowerCase(Locale.ROOT).strip();
        for (ImageFormat format : values()) {
            if (format.mediaType.equals(normalized)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    public static Optional<ImageFormat> fromExtension(String extension) {
        for (ImageFormat format : values()) {
            if (format.extension.equalsIgnoreCase(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
