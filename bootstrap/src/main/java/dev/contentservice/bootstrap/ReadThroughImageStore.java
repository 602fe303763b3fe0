package dev.contentservice.bootstrap;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.StoreUnavailableException;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes to the configured store; reads from it, then from the previous one (images written before a
 * switch of {@code CONTENT_IMAGE_STORE}). A previous store that does not answer counts as not holding the
 * image: the configured store's answer decides.
 */
final class ReadThroughImageStore implements ImageStore {
    private final ImageStore configured;
    private final ImageStore previous;

    ReadThroughImageStore(ImageStore configured, ImageStore previous) {
        this.configured = Objects.requireNonNull(configured, "configured");
        this.previous = Objects.requireNonNull(previous, "previous");
    }

    @Override
    public void put(ImageFileName name, GeneratedImage image) {
        configured.put(name, image);
    }

    @Override
    public Optional<StoredImage> get(ImageFileName name) {
        Optional<StoredImage> found = configured.get(name);
        if (found.isPresent()) {
            return found;
        }
        try {
            return previous.get(name);
        } catch (StoreUnavailableException e) {
            return Optional.empty();
        }
    }
}
