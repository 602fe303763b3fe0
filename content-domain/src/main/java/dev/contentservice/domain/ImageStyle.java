package dev.contentservice.domain;

import java.util.Locale;
import java.util.Optional;

/** The three SNS image styles, with the key used in JSON and Redis and the Korean label the UI shows. */
public enum ImageStyle {
    SIMPLE("simple", "심플"),
    FANCY("fancy", "화려한"),
    TRENDY("trendy", "트렌디");

    private final String key;
    private final String koreanLabel;

    ImageStyle(String key, String koreanLabel) {
        this.key = key;
        this.koreanLabel = koreanLabel;
    }

    /** {@code simple}, {@code fancy} or {@code trendy}. */
    public String key() {
        return key;
    }

    public String koreanLabel() {
        return koreanLabel;
    }

    public static Optional<ImageStyle> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String normalized = key.toLowerCase(Locale.ROOT);
        for (ImageStyle style : values()) {
            if (style.key.equals(normalized)) {
                return Optional.of(style);
            }
        }
        return Optional.empty();
    }
}
