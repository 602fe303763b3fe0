package dev.contentservice.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * An image as bytes, ready to be stored and served by this service.
 *
 * @param mediaType {@code image/png}, {@code image/jpeg} or {@code image/webp}
 * @param generator who drew it, for example {@code local} or {@code openai:gpt-image-1}
 */
public record GeneratedImage(byte[] bytes, String mediaType, String generator) {

    public GeneratedImage {
        Objects.requireNonNull(bytes, "bytes must not be null");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("bytes must not be empty");
        }
        ImageFormat.fromMediaType(mediaType)
                .orElseThrow(
                        () -> new IllegalArgumentException("mediaType must be image/png, image/jpeg or image/webp"));
        if (generator == null || generator.isBlank()) {
            throw new IllegalArgumentException("generator must not be blank");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public ImageFormat format() {
        return ImageFormat.fromMediaType(mediaType).orElseThrow();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GeneratedImage that
                && Arrays.equals(bytes, that.bytes)
                && mediaType.equals(that.mediaType)
                && generator.equals(that.generator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(bytes), mediaType, generator);
    }

    @Override
    public String toString() {
        return "GeneratedImage[" + bytes.length + " bytes, " + mediaType + ", " + generator + "]";
    }
}
