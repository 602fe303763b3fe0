package dev.contentservice.adapter.redis;

import dev.contentservice.adapter.redis.Redis.Script;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.ImageStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Image sets in {@code content:image:{eventDraftId}} hashes with the fields {@code simple}, {@code fancy}, {@code trendy}. */
final class RedisImageSetRepository implements ImageSetRepository {
    static final Script PUT_HASH = Script.load("put-hash");

    private final Redis redis;

    RedisImageSetRepository(Redis redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public void save(EventDraftId eventDraftId, ImageSet images) {
        Objects.requireNonNull(eventDraftId, "eventDraftId must not be null");
        Objects.requireNonNull(images, "images must not be null");
        List<String> args = new ArrayList<>();
        args.add(Long.toString(ImageSet.TTL.toMillis()));
        for (ImageStyle style : ImageStyle.values()) {
            args.add(style.key());
            args.add(images.url(style));
        }
        redis.script(PUT_HASH, List.of(Keys.imageSet(eventDraftId)), args);
    }

    @Override
    public Optional<ImageSet> find(EventDraftId eventDraftId) {
        Objects.requireNonNull(eventDraftId, "eventDraftId must not be null");
        Map<String, String> fields = redis.read("find image set", jedis -> jedis.hgetAll(Keys.imageSet(eventDraftId)));
        Map<ImageStyle, String> urls = new EnumMap<>(ImageStyle.class);
        for (ImageStyle style : ImageStyle.values()) {
            String url = fields.get(style.key());
            if (url == null || url.isBlank()) {
                return Optional.empty();
            }
            urls.put(style, url);
        }
        return Optional.of(new ImageSet(urls));
    }
}
