package dev.contentservice.bootstrap;

import dev.contentservice.domain.ImageStore;
import java.util.Optional;

/**
 * Where the images were kept before {@code CONTENT_IMAGE_STORE} chose another store: in Redis mode, the
 * {@code content:file:*} hashes. Their links (7 days) keep working after the switch: the file route reads
 * the configured store first, then this one.
 */
record PreviousImages(Optional<ImageStore> store) {
    static PreviousImages none() {
        return new PreviousImages(Optional.empty());
    }

    /** The configured store, reading through to the previous one when there is one. */
    ImageStore under(ImageStore configured) {
        return store.filter(previous -> previous != configured)
                .<ImageStore>map(previous -> new ReadThroughImageStore(configured, previous))
                .orElse(configured);
    }
}
