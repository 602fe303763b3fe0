package dev.contentservice.adapter.redis;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The images this service hosts, in {@code content:file:{name}} hashes: {@code type} (the media type)
 * and {@code bytes}. They live as long as the image set that links to them (7 days).
 */
final class RedisImageStore implements ImageStore {
    private static final byte[] TYPE = "type".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BYTES = "bytes".getBytes(StandardCharsets.US_ASCII);

    private final Redis redis;

    RedisImageStore(Redis redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public void put(ImageFileName name, GeneratedImage image) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(image, "image must not be null");
        redis.scriptBinary(
                RedisImageSetRepository.PUT_HASH,
                List.of(key(name)),
                List.of(
                        Long.toString(ImageSet.TTL.toMillis()).getBytes(StandardCharsets.US_ASCII),
                        TYPE,
                        image.format().mediaType().getBytes(StandardCharsets.US_ASCII),
                        BYTES,
                        image.bytes()));
    }

    @Override
    public Optional<StoredImage> get(ImageFileName name) {
        Objects.requireNonNull(name, "name must not be null");
        List<byte[]> values = redis.read("get image", jedis -> jedis.hmget(key(name), TYPE, BYTES));
        if (values == null || values.size() < 2 || values.get(0) == null || values.get(1) == null) {
            return Optional.empty();
        }
        String mediaType = new String(values.get(0), StandardCharsets.US_ASCII);
        byte[] bytes = values.get(1);
        if (bytes.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new StoredImage(bytes, mediaType));
    }

    private static byte[] key(ImageFileName name) {
        return Keys.file(name).getBytes(StandardCharsets.US_ASCII);
    }
}
