package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.bootstrap.ImageStorage.Kind;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageLinks;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.contract.ImageLinksContract;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** CONTENT_IMAGE_STORE and its settings: defaults, the links they give, and bad values named. */
class ImageStorageTest {

    static ImageStorage storage(Map<String, String> env) {
        return ContentConfig.fromEnvironment(env, new Properties()).imageStorage();
    }

    static Map<String, String> s3(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("CONTENT_IMAGE_STORE", "s3", "CONTENT_S3_BUCKET", "my-images"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void memory_is_the_embedded_default_and_redis_the_default_in_redis_mode() {
        assertThat(storage(Map.of()).kind()).isEqualTo(Kind.MEMORY);
        assertThat(storage(Map.of("CONTENT_REDIS_URL", "redis://localhost:6379"))
                        .kind())
                .isEqualTo(Kind.REDIS);
    }

    @Test
    void each_store_can_be_chosen_in_any_case() {
        assertThat(storage(Map.of("CONTENT_IMAGE_STORE", "FileSystem", "CONTENT_IMAGE_DIR", "/var/images")))
                .satisfies(storage -> {
                    assertThat(storage.kind()).isEqualTo(Kind.FILESYSTEM);
                    assertThat(storage.folder()).contains(Path.of("/var/images"));
                });
        assertThat(storage(s3()).kind()).isEqualTo(Kind.S3);
        assertThat(storage(Map.of("CONTENT_REDIS_URL", "redis://h:1", "CONTENT_IMAGE_STORE", "memory"))
                        .kind())
                .isEqualTo(Kind.MEMORY);
    }

    @Test
    void s3_settings_default_to_aws_style_and_to_path_style_with_an_endpoint() {
        var aws = storage(s3()).s3().orElseThrow();
        var minio = storage(s3("CONTENT_S3_ENDPOINT", "http://minio:9000/", "CONTENT_S3_PREFIX", "events"))
                .s3()
                .orElseThrow();

        assertThat(aws.region()).isEqualTo("us-east-1");
        assertThat(aws.pathStyle()).isFalse();
        assertThat(aws.endpoint()).isEmpty();
        assertThat(aws.credentials()).as("the SDK's default chain").isEmpty();
        assertThat(minio.pathStyle()).isTrue();
        assertThat(minio.endpoint().orElseThrow().toString()).isEqualTo("http://minio:9000");
        assertThat(minio.prefix()).isEqualTo("events/");
        assertThat(storage(s3("CONTENT_S3_ENDPOINT", "http://r2", "CONTENT_S3_PATH_STYLE", "false"))
                        .s3()
                        .orElseThrow()
                        .pathStyle())
                .isFalse();
    }

    @Test
    void bad_values_name_their_variable() {
        assertThatThrownBy(() -> storage(Map.of("CONTENT_IMAGE_STORE", "dropbox")))
                .hasMessageStartingWith("CONTENT_IMAGE_STORE");
        assertThatThrownBy(() -> storage(Map.of("CONTENT_IMAGE_STORE", "redis")))
                .hasMessageContaining("CONTENT_REDIS_URL");
        assertThatThrownBy(() -> storage(Map.of("CONTENT_IMAGE_STORE", "filesystem")))
                .hasMessageStartingWith("CONTENT_IMAGE_DIR");
        assertThatThrownBy(() -> storage(Map.of("CONTENT_IMAGE_STORE", "s3")))
                .hasMessageStartingWith("CONTENT_S3_BUCKET");
        assertThatThrownBy(() -> storage(s3("CONTENT_S3_BUCKET", "Not_A_Bucket")))
                .hasMessageStartingWith("CONTENT_S3_BUCKET");
        assertThatThrownBy(() -> storage(s3("CONTENT_S3_PREFIX", "/abs"))).hasMessageStartingWith("CONTENT_S3_PREFIX");
        assertThatThrownBy(() -> storage(s3("CONTENT_S3_ENDPOINT", "minio:9000")))
                .hasMessageStartingWith("CONTENT_S3_ENDPOINT");
        assertThatThrownBy(() -> storage(s3("CONTENT_S3_PATH_STYLE", "maybe")))
                .hasMessageStartingWith("CONTENT_S3_PATH_STYLE");
        assertThatThrownBy(() -> storage(s3("CONTENT_S3_ACCESS_KEY", "AKIA")))
                .hasMessageContaining("CONTENT_S3_SECRET_KEY");
        assertThatThrownBy(() -> storage(Map.of("CONTENT_IMAGE_PUBLIC_URL", "cdn.example.com")))
                .hasMessageStartingWith("CONTENT_IMAGE_PUBLIC_URL");
        assertThatThrownBy(() -> storage(Map.of("CONTENT_IMAGE_PUBLIC_URL", "https://cdn.example.com/x?a=1")))
                .hasMessageStartingWith("CONTENT_IMAGE_PUBLIC_URL");
    }

    /** Regression: the S3 variables were read only with CONTENT_IMAGE_STORE=s3, so a typo lay in wait. */
    @Test
    void a_bad_value_of_a_store_that_is_not_chosen_stops_the_start_too() {
        assertThatThrownBy(() -> storage(Map.of("CONTENT_S3_PATH_STYLE", "maybe")))
                .hasMessageStartingWith("CONTENT_S3_PATH_STYLE");
        assertThatThrownBy(() -> storage(Map.of("CONTENT_S3_ENDPOINT", "minio:9000")))
                .hasMessageStartingWith("CONTENT_S3_ENDPOINT");
        assertThatThrownBy(() -> storage(Map.of("CONTENT_S3_BUCKET", "Not_A_Bucket")))
                .hasMessageStartingWith("CONTENT_S3_BUCKET");
        assertThatThrownBy(() -> storage(Map.of(
                        "CONTENT_IMAGE_STORE",
                        "filesystem",
                        "CONTENT_IMAGE_DIR",
                        "/i",
                        "CONTENT_S3_ACCESS_KEY",
                        "AKIA")))
                .hasMessageContaining("CONTENT_S3_SECRET_KEY");
        assertThat(storage(Map.of("CONTENT_S3_BUCKET", "my-images", "CONTENT_IMAGE_DIR", "/var/images")))
                .as("good values of stores not chosen are kept out of the chosen one")
                .satisfies(storage -> {
                    assertThat(storage.kind()).isEqualTo(Kind.MEMORY);
                    assertThat(storage.s3()).isEmpty();
                    assertThat(storage.folder()).isEmpty();
                });
    }

    @Test
    void the_secret_key_never_shows_in_what_is_logged() {
        ImageStorage storage =
                storage(s3("CONTENT_S3_ACCESS_KEY", "AKIAEXAMPLE", "CONTENT_S3_SECRET_KEY", "s3cr3t-value"));

        assertThat(storage.toString()).doesNotContain("s3cr3t-value").doesNotContain("AKIAEXAMPLE");
    }

    @Test
    void with_a_public_url_links_are_the_url_then_the_object_key() {
        ImageFileName name = ImageFileName.of(JobId.random(), ImageStyle.TRENDY, ImageFormat.PNG);

        assertThat(ImageLinksTest.links(
                                s3(
                                        "CONTENT_IMAGE_PUBLIC_URL",
                                        "https://cdn.example.com/ev/",
                                        "CONTENT_S3_PREFIX",
                                        "events"),
                                8080)
                        .urlOf(name))
                .isEqualTo("https://cdn.example.com/ev/events/" + name.value());
        assertThat(ImageLinksTest.links(Map.of("CONTENT_IMAGE_PUBLIC_URL", "https://cdn.example.com/ev"), 8080)
                        .urlOf(name))
                .isEqualTo("https://cdn.example.com/ev/" + name.value());
    }

    @Nested
    class PublicUrlLinks extends ImageLinksContract {
        @Override
        protected ImageLinks createImageLinks() {
            return ImageLinksTest.links(
                    s3("CONTENT_IMAGE_PUBLIC_URL", "https://cdn.example.com/ev", "CONTENT_S3_PREFIX", "a/b"), 8080);
        }
    }
}
