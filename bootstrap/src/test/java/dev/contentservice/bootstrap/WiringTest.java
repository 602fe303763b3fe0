package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Stage;
import dev.contentservice.application.ImageGenerationWorker;
import dev.contentservice.application.ReadJobStatus;
import dev.contentservice.application.RequestImageGeneration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every configuration's injector builds: a binding nobody wires fails here, not in production. */
class WiringTest {

    static ContentConfig config(Map<String, String> env) {
        return ContentConfig.fromEnvironment(env, new Properties());
    }

    @Test
    void embedded_default_wires_every_binding() {
        var injector = Guice.createInjector(Stage.TOOL, ContentModules.forConfig(config(Map.of())));

        assertThat(injector.getBinding(RequestImageGeneration.class)).isNotNull();
        assertThat(injector.getBinding(ReadJobStatus.class)).isNotNull();
        assertThat(injector.getBinding(ImageGenerationWorker.class)).isNotNull();
    }

    @Test
    void every_configuration_wires_every_binding() {
        List<Map<String, String>> configurations = List.of(
                Map.of(),
                Map.of("CONTENT_REDIS_URL", "redis://localhost:6379"),
                Map.of("CONTENT_IMAGEGEN_URL", "https://api.openai.com/v1", "CONTENT_IMAGEGEN_API_KEY", "k"),
                Map.of(
                        "CONTENT_REDIS_URL", "rediss://user:pw@redis.example.com:6380/2",
                        "CONTENT_IMAGEGEN_URL", "http://localhost:9999/v1",
                        "CONTENT_IMAGEGEN_FALLBACK", "local"),
                Map.of("CONTENT_IMAGEGEN_PROTOCOL", "replicate", "CONTENT_IMAGEGEN_RATE_PER_MINUTE", "120"),
                Map.of(
                        "CONTENT_REDIS_URL", "redis://localhost:6379",
                        "CONTENT_IMAGEGEN_PROTOCOL", "replicate",
                        "CONTENT_IMAGEGEN_RATE_PER_MINUTE", "120"),
                Map.of("CONTENT_IMAGE_STORE", "filesystem", "CONTENT_IMAGE_DIR", "target/wiring-images"),
                Map.of("CONTENT_IMAGE_STORE", "s3", "CONTENT_S3_BUCKET", "images"),
                Map.of(
                        "CONTENT_REDIS_URL", "redis://localhost:6379",
                        "CONTENT_IMAGE_STORE", "s3",
                        "CONTENT_S3_BUCKET", "images",
                        "CONTENT_IMAGE_PUBLIC_URL", "https://cdn.example.com/ev"),
                Map.of("CONTENT_REDIS_URL", "redis://localhost:6379", "CONTENT_IMAGE_STORE", "memory"));

        for (Map<String, String> env : configurations) {
            var injector = Guice.createInjector(Stage.TOOL, ContentModules.forConfig(config(env)));

            assertThat(injector.getBinding(ImageGenerationWorker.class))
                    .as(env.toString())
                    .isNotNull();
            assertThat(injector.getBinding(dev.contentservice.adapter.rest.ContentHttpServer.class))
                    .isNotNull();
        }
    }

    @Test
    void defaults_follow_the_configuration_table() {
        ContentConfig config = config(Map.of());

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.redisUrl()).isEmpty();
        assertThat(config.imagegenUrl()).isEmpty();
        assertThat(config.samples()).isTrue();
        assertThat(config.jobDeadline()).hasMinutes(5);
    }

    @Test
    void system_properties_in_lower_case_with_dots_are_read_and_the_environment_wins() {
        Properties properties = new Properties();
        properties.setProperty("content.http.port", "9090");
        properties.setProperty("content.imagegen.model", "dall-e-3");

        ContentConfig config = ContentConfig.fromEnvironment(Map.of("CONTENT_HTTP_PORT", "7070"), properties);

        assertThat(config.httpPort()).isEqualTo(7070);
        assertThat(config.imagegenModel()).contains("dall-e-3");
    }

    @Test
    void a_bad_setting_is_refused_with_the_variable_name() {
        assertThatThrownBy(() -> config(Map.of("CONTENT_HTTP_PORT", "eighty")))
                .hasMessageContaining("CONTENT_HTTP_PORT");
        assertThatThrownBy(() -> config(Map.of("CONTENT_REDIS_URL", "http://x")))
                .hasMessageContaining("CONTENT_REDIS_URL");
        assertThatThrownBy(() -> config(Map.of("CONTENT_IMAGEGEN_FALLBACK", "maybe")))
                .hasMessageContaining("CONTENT_IMAGEGEN_FALLBACK");
    }

    @Test
    void the_api_key_and_redis_password_never_show_in_the_logged_configuration() {
        ContentConfig config = config(Map.of(
                "CONTENT_IMAGEGEN_URL", "https://api.openai.com/v1",
                "CONTENT_IMAGEGEN_API_KEY", "sk-secret-123",
                "CONTENT_REDIS_URL", "redis://user:hunter2@redis:6379/0"));

        assertThat(config.toString()).doesNotContain("sk-secret-123").doesNotContain("hunter2");
    }
}
