package dev.contentservice.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageLinks;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link ImageLinks} must do. Extend it and return the links a running service hands out. */
public abstract class ImageLinksContract {

    protected abstract ImageLinks createImageLinks();

    @Test
    void a_link_is_an_absolute_http_url_that_ends_with_the_file_name() {
        ImageFileName name = ImageFileName.of(JobId.random(), ImageStyle.FANCY, ImageFormat.PNG);

        URI url = URI.create(createImageLinks().urlOf(name));

        assertThat(url.isAbsolute()).isTrue();
        assertThat(url.getScheme()).isIn("http", "https");
        assertThat(url.getHost()).isNotBlank();
        assertThat(url.getPath()).endsWith("/" + name.value());
    }

    @Test
    void different_files_get_different_links() {
        ImageLinks links = createImageLinks();
        JobId job = JobId.random();
        Set<String> urls = new HashSet<>();

        for (ImageStyle style : ImageStyle.values()) {
            for (ImageFormat format : ImageFormat.values()) {
                urls.add(links.urlOf(ImageFileName.of(job, style, format)));
            }
        }
        urls.add(links.urlOf(ImageFileName.of(JobId.random(), ImageStyle.FANCY, ImageFormat.PNG)));

        assertThat(urls).hasSize(ImageStyle.values().length * ImageFormat.values().length + 1);
    }
}
