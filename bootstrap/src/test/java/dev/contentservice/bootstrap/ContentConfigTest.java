package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.application.TextMode;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The settings derived from the variables are parsed once, when the configuration is made. */
class ContentConfigTest {
    private static ContentConfig config(Map<String, String> env) {
        return ContentConfig.fromEnvironment(env, new Properties());
    }

    @Test
    void the_derived_settings_are_parsed_once_and_every_call_returns_the_same_object() {
        ContentConfig config = config(Map.of(
                "CONTENT_IMAGE_STORE", "filesystem",
                "CONTENT_IMAGE_DIR", "/tmp/content-images",
                "CONTENT_WEBHOOK_TIMEOUT_SECONDS", "7",
                "CONTENT_IMAGEGEN_URL", "https://api.example.com/v1",
                "CONTENT_IMAGEGEN_TEXT", "provider"));

        assertThat(config.imageStorage()).isSameAs(config.imageStorage());
        assertThat(config.webhooks()).isSameAs(config.webhooks());
        assertThat(config.imageGen()).isSameAs(config.imageGen());
        assertThat(config.imageStorage().kind()).isEqualTo(ImageStorage.Kind.FILESYSTEM);
        assertThat(config.webhooks().timeout()).hasSeconds(7);
        assertThat(config.imageGen().enabled()).isTrue();
        assertThat(config.textMode()).isEqualTo(TextMode.PROVIDER);
    }

    @Test
    void a_changed_copy_parses_its_settings_again_from_its_own_fields() {
        ContentConfig embedded = ContentConfig.embedded();

        ContentConfig withRedis = embedded.withRedisUrl("redis://127.0.0.1:6379");

        assertThat(embedded.imageStorage().kind()).isEqualTo(ImageStorage.Kind.MEMORY);
        assertThat(withRedis.imageStorage().kind()).isEqualTo(ImageStorage.Kind.REDIS);
    }

    @Test
    void a_bad_derived_setting_stops_the_configuration_being_made_naming_its_variable() {
        assertThatThrownBy(() -> config(Map.of("CONTENT_IMAGE_STORE", "tape")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTENT_IMAGE_STORE");
        assertThatThrownBy(() -> config(Map.of("CONTENT_WEBHOOK_TIMEOUT_SECONDS", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTENT_WEBHOOK_TIMEOUT_SECONDS");
        assertThatThrownBy(() -> config(Map.of("CONTENT_IMAGEGEN_TEXT", "both")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTENT_IMAGEGEN_TEXT");
        assertThatThrownBy(() -> config(Map.of("CONTENT_IMAGEGEN_URL", "ftp://example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTENT_IMAGEGEN_URL must be a http or https URL");
    }
}
