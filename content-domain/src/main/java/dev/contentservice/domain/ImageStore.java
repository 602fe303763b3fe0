package dev.contentservice.domain;

import java.util.Optional;

/**
 * The image bytes this service hosts itself, because providers' URLs expire (OpenAI's after about an
 * hour) or they answer with raw bytes. Stored for as long as the image set that links to them.
 */
public interface ImageStore {

    /** Stores (replaces) the image under the name for {@link ImageSet#TTL}. */
    void put(ImageFileName name, GeneratedImage image);

    /** The image, or empty when none is stored under the name or its TTL passed. */
    Optional<StoredImage> get(ImageFileName name);

    /** A hosted image as served: its bytes and media type. */
    record StoredImage(byte[] bytes, String mediaType) {
        public StoredImage {
            if (bytes == null || bytes.length == 0) {
                throw new IllegalArgumentException("bytes must not be empty");
            }
            ImageFormat.fromMediaType(mediaType)
                    .orElseThrow(() -> new IllegalArgumentException("mediaType must be a known image type"));
        }
    }
}
