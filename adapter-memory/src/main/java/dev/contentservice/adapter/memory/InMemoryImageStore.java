package dev.contentservice.adapter.memory;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Hosted image bytes in memory, with their TTL. */
public final class InMemoryImageStore implements ImageStore {
    private final Expiring<ImageFileName, StoredImage> images;

    public InMemoryImageStore(Clock clock) {
        this.images = new Expiring<>(Objects.requireNonNull(clock, "clock"), ImageSet.TTL);
    }

    @Override
    public void put(ImageFileName name, GeneratedImage image) {
        images.put(name, new StoredImage(image.bytes(), image.mediaType()));
    }

    @Override
    public Optional<StoredImage> get(ImageFileName name) {
        return images.get(name);
    }
}
