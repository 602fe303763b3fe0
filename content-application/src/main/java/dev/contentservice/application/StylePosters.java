package dev.contentservice.application;

import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.PosterFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The stored posters of one style of a job, one URL per format.
 *
 * @param generator who drew them, for example {@code local} or {@code openai:gpt-image-1+local} (the
 *     provider's art with the service's type)
 */
public record StylePosters(ImageStyle style, Map<PosterFormat, String> urls, String generator) {
    public StylePosters {
        Objects.requireNonNull(style, "style must not be null");
        Objects.requireNonNull(urls, "urls must not be null");
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("urls must hold at least one format");
        }
        urls = Collections.unmodifiableMap(new EnumMap<>(urls));
        if (generator == null || generator.isBlank()) {
            throw new IllegalArgumentException("generator must not be blank");
        }
    }

    public String url(PosterFormat format) {
        return urls.get(format);
    }
}
