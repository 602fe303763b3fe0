package dev.contentservice.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.ImageStore.StoredImage;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ImageStore} must do. Extend it and return a fresh, empty store. */
public abstract class ImageStoreContract {

    protected ImageStore images;

    /** Room either side of a TTL, for stores whose time also runs on its own while a test runs. */
    protected static final Duration TTL_MARGIN = Duration.ofMinutes(1);

    protected abstract ImageStore createImageStore();

    /** Lets {@code duration} pass for the store returned last: move its clock, or age the server's keys. */
    protected abstract void letTimePass(Duration duration);

    @BeforeEach
    void setUpStore() {
        images = createImageStore();
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static ImageFileName name(ImageFormat format) {
        return ImageFileName.of(JobId.random(), ImageStyle.TRENDY, format);
    }

    @Test
    void stored_image_comes_back_byte_for_byte_with_its_media_type() {
        ImageFileName name = name(ImageFormat.PNG);
        byte[] bytes = randomBytes(4096, 1);

        images.put(name, new GeneratedImage(bytes, "image/png", "test"));

        StoredImage stored = images.get(name).orElseThrow();
        assertThat(stored.bytes()).isEqualTo(bytes);
        assertThat(stored.mediaType()).isEqualTo("image/png");
    }

    @Test
    void jpeg_and_webp_keep_their_media_types() {
        ImageFileName jpeg = name(ImageFormat.JPEG);
        ImageFileName webp = name(ImageFormat.WEBP);

        images.put(jpeg, new GeneratedImage(randomBytes(10, 2), "image/jpeg", "test"));
        images.put(webp, new GeneratedImage(randomBytes(10, 3), "image/webp", "test"));

        assertThat(images.get(jpeg)).map(StoredImage::mediaType).contains("image/jpeg");
        assertThat(images.get(webp)).map(StoredImage::mediaType).contains("image/webp");
    }

    @Test
    void a_large_image_is_kept_whole() {
        ImageFileName name = name(ImageFormat.PNG);
        byte[] bytes = randomBytes(3 * 1024 * 1024, 4);

        images.put(name, new GeneratedImage(bytes, "image/png", "test"));

        assertThat(images.get(name).orElseThrow().bytes()).isEqualTo(bytes);
    }

    @Test
    void missing_image_is_empty() {
        assertThat(images.get(name(ImageFormat.PNG))).isEmpty();
    }

    @Test
    void image_lives_as_long_as_the_image_set_and_no_longer() {
        ImageFileName name = name(ImageFormat.PNG);
        images.put(name, new GeneratedImage(randomBytes(10, 5), "image/png", "test"));

        letTimePass(ImageSet.TTL.minus(TTL_MARGIN));
        assertThat(images.get(name)).isPresent();

        letTimePass(TTL_MARGIN.multipliedBy(2));
        assertThat(images.get(name)).isEmpty();
    }
}
