package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageLinks;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.contract.ImageLinksContract;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The links the service hands out: under the public base URL, on the route that serves hosted images. */
class ImageLinksTest {

    static ImageLinks links(Map<String, String> env, int port) {
        ContentConfig config = ContentConfig.fromEnvironment(env, new Properties());
        var injector = Guice.createInjector(new CoreModule(config));
        injector.getInstance(PublicBaseUrl.class).serverListensOn(port);
        return injector.getInstance(ImageLinks.class);
    }

    @Nested
    class DefaultBase extends ImageLinksContract {
        @Override
        protected ImageLinks createImageLinks() {
            return links(Map.of(), 8080);
        }
    }

    @Nested
    class ConfiguredBase extends ImageLinksContract {
        @Override
        protected ImageLinks createImageLinks() {
            return links(Map.of("CONTENT_PUBLIC_BASE_URL", "https://cdn.example.com/content/"), 8080);
        }
    }

    @Test
    void without_a_configured_base_the_links_point_at_the_local_port() {
        ImageFileName name = ImageFileName.of(JobId.random(), ImageStyle.SIMPLE, ImageFormat.PNG);

        assertThat(links(Map.of(), 18080).urlOf(name))
                .isEqualTo("http://localhost:18080/api/content/images/files/" + name.value());
    }

    @Test
    void a_configured_base_wins_over_the_port_and_loses_its_trailing_slash() {
        ImageFileName name = ImageFileName.of(JobId.random(), ImageStyle.SIMPLE, ImageFormat.PNG);

        assertThat(links(Map.of("CONTENT_PUBLIC_BASE_URL", "https://cdn.example.com/content/"), 18080)
                        .urlOf(name))
                .isEqualTo("https://cdn.example.com/content/api/content/images/files/" + name.value());
    }
}
