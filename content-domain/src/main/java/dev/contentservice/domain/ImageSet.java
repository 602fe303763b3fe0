package dev.contentservice.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The three image URLs of a finished job, one per {@link ImageStyle}. */
public record ImageSet(Map<ImageStyle, String> urls) {
    /** How long {@code content:image:{eventDraftId}} and the hosted image bytes live. */
    public static final Duration TTL = Duration.ofDays(7);

    public ImageSet {
        Objects.requireNonNull(urls, "urls must not be null");
        EnumMap<ImageStyle, String> copy = new EnumMap<>(ImageStyle.class);
        for (ImageStyle style : ImageStyle.values()) {
            String url = urls.get(style);
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("urls must hold a non-blank url for style " + style.key());
            }
            copy.put(style, url);
        }
        urls = Collections.unmodifiableMap(copy);
    }

    public static ImageSet of(String simple, String fancy, String trendy) {
        return new ImageSet(Map.of(ImageStyle.SIMPLE, simple, ImageStyle.FANCY, fancy, ImageStyle.TRENDY, trendy));
    }

    /** The same set with one style's URL replaced. */
    public ImageSet with(ImageStyle style, String url) {
        EnumMap<ImageStyle, String> copy = new EnumMap<>(urls);
        copy.put(Objects.requireNonNull(style, "style must not be null"), url);
        return new ImageSet(copy);
    }

    public String url(ImageStyle style) {
        return urls.get(style);
    }
}
