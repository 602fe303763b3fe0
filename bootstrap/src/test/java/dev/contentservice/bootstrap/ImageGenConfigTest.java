package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.adapter.imagegen.http.HttpImageGeneratorSettings;
import dev.contentservice.adapter.imagegen.http.ProviderSettings;
import dev.contentservice.application.TextMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** ContentConfig turns the CONTENT_IMAGEGEN_* variables into the generator's typed settings, once. */
class ImageGenConfigTest {
    private static ImageGenConfig imagegen(Map<String, String> env) {
        return ImageGenConfig.of(ContentConfig.fromEnvironment(env, new Properties()));
    }

    @Test
    void the_service_sets_the_text_over_the_providers_art_unless_told_to_leave_it_to_the_provider() {
        assertThat(ImageGenConfig.textMode(Map.of())).isEqualTo(TextMode.OVERLAY);
        assertThat(ImageGenConfig.textMode(Map.of("CONTENT_IMAGEGEN_TEXT", "Provider")))
                .isEqualTo(TextMode.PROVIDER);
        assertThat(ImageGenConfig.textMode(
                        ContentConfig.fromEnvironment(Map.of(), propertiesOf("content.imagegen.text", "provider"))))
                .isEqualTo(TextMode.PROVIDER);
        assertThatThrownBy(() -> ImageGenConfig.textMode(Map.of("CONTENT_IMAGEGEN_TEXT", "both")))
                .hasMessageContaining("CONTENT_IMAGEGEN_TEXT");
    }

    private static Properties propertiesOf(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }

    @Test
    void without_a_url_or_protocol_the_local_renderer_draws() {
        ImageGenConfig config = imagegen(Map.of());

        assertThat(config.enabled()).isFalse();
        assertThat(config.ratePerMinute()).isEmpty();
    }

    @Test
    void every_imagegen_setting_reaches_the_generators_settings() {
        Map<String, String> env = new HashMap<>();
        env.put("CONTENT_IMAGEGEN_URL", "http://localhost:8000/v1");
        env.put("CONTENT_IMAGEGEN_API_KEY", "sk-local");
        env.put("CONTENT_IMAGEGEN_MODEL", "dall-e-2");
        env.put("CONTENT_IMAGEGEN_SIZE", "512x512");
        env.put("CONTENT_IMAGEGEN_RESPONSE_FORMAT", "url");
        env.put("CONTENT_IMAGEGEN_TIMEOUT_SECONDS", "45");
        env.put("CONTENT_IMAGEGEN_CONNECT_TIMEOUT_SECONDS", "3");
        env.put("CONTENT_IMAGEGEN_MAX_RETRIES", "5");
        env.put("CONTENT_IMAGEGEN_MAX_CONCURRENCY", "4");
        env.put("CONTENT_IMAGEGEN_BREAKER_FAILURE_RATE", "80");
        env.put("CONTENT_IMAGEGEN_BREAKER_MIN_CALLS", "20");
        env.put("CONTENT_IMAGEGEN_BREAKER_WINDOW_SECONDS", "120");
        env.put("CONTENT_IMAGEGEN_BREAKER_OPEN_SECONDS", "10");
        env.put("CONTENT_IMAGEGEN_BREAKER_HALF_OPEN_CALLS", "6");
        env.put("CONTENT_IMAGEGEN_RATE_PER_MINUTE", "120");
        env.put("CONTENT_IMAGEGEN_ALLOW_PRIVATE_URLS", "true");

        ImageGenConfig config = imagegen(env);
        HttpImageGeneratorSettings settings = config.settings().orElseThrow();

        assertThat(settings.provider().protocol()).isEqualTo(ProviderSettings.Protocol.OPENAI);
        assertThat(settings.provider().apiKey()).contains("sk-local");
        assertThat(settings.provider().model()).isEqualTo("dall-e-2");
        assertThat(settings.provider().size()).isEqualTo("512x512");
        assertThat(settings.provider().responseFormat()).contains("url");
        assertThat(settings.provider().allowPrivateUrls()).isTrue();
        assertThat(settings.timeouts().call()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.timeouts().connect()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.retries().max()).isEqualTo(5);
        assertThat(settings.limits().maxConcurrentCalls()).isEqualTo(4);
        assertThat(settings.breaker())
                .isEqualTo(new HttpImageGeneratorSettings.Breaker(
                        80, 20, Duration.ofSeconds(120), Duration.ofSeconds(10), 6));
        assertThat(config.ratePerMinute()).hasValue(120);
    }

    @Test
    void replicate_defaults_to_its_api_and_flux_schnell() {
        HttpImageGeneratorSettings settings = imagegen(Map.of("CONTENT_IMAGEGEN_PROTOCOL", "replicate"))
                .settings()
                .orElseThrow();

        assertThat(settings.provider().protocol()).isEqualTo(ProviderSettings.Protocol.REPLICATE);
        assertThat(settings.provider().baseUrl()).hasToString("https://api.replicate.com/v1");
        assertThat(settings.provider().model()).isEqualTo("black-forest-labs/flux-schnell");
    }

    /** Regression: without a URL or protocol these were never read, so a typo waited for the day a URL was added. */
    @Test
    void a_bad_provider_tuning_value_stops_the_start_also_while_the_local_renderer_draws() {
        for (String variable : List.of(
                "CONTENT_IMAGEGEN_TIMEOUT_SECONDS",
                "CONTENT_IMAGEGEN_CONNECT_TIMEOUT_SECONDS",
                "CONTENT_IMAGEGEN_MAX_RETRIES",
                "CONTENT_IMAGEGEN_MAX_CONCURRENCY",
                "CONTENT_IMAGEGEN_BREAKER_FAILURE_RATE",
                "CONTENT_IMAGEGEN_BREAKER_MIN_CALLS",
                "CONTENT_IMAGEGEN_BREAKER_WINDOW_SECONDS",
                "CONTENT_IMAGEGEN_BREAKER_OPEN_SECONDS",
                "CONTENT_IMAGEGEN_BREAKER_HALF_OPEN_CALLS",
                "CONTENT_IMAGEGEN_PREFER_WAIT_SECONDS",
                "CONTENT_IMAGEGEN_ALLOW_PRIVATE_URLS")) {
            assertThatThrownBy(() -> imagegen(Map.of(variable, "abc")))
                    .as(variable)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(variable);
        }
        assertThat(imagegen(Map.of("CONTENT_IMAGEGEN_MAX_RETRIES", "3")).enabled())
                .isFalse();
    }

    /**
     * Regression: the model, size, response format and key were checked only with a URL or protocol, against
     * the README's promise that a value is checked even when nothing uses it yet.
     */
    @Test
    void a_bad_model_size_format_or_key_stops_the_start_also_without_a_provider() {
        for (Map.Entry<String, String> bad : List.of(
                Map.entry("CONTENT_IMAGEGEN_MODEL", "gpt image 1"),
                Map.entry("CONTENT_IMAGEGEN_SIZE", "banana"),
                Map.entry("CONTENT_IMAGEGEN_RESPONSE_FORMAT", "png"),
                Map.entry("CONTENT_IMAGEGEN_API_KEY", "sk-with space"))) {
            assertThatThrownBy(() -> imagegen(Map.of(bad.getKey(), bad.getValue())))
                    .as(bad.getKey())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad.getKey())
                    .hasMessageNotContaining("sk-with space");
        }
        // checked by the rules of the protocol a URL alone would choose: a GPT image model takes no format
        assertThatThrownBy(() -> imagegen(Map.of("CONTENT_IMAGEGEN_RESPONSE_FORMAT", "url")))
                .hasMessageContaining("CONTENT_IMAGEGEN_RESPONSE_FORMAT");
        assertThat(imagegen(Map.of(
                                "CONTENT_IMAGEGEN_MODEL",
                                "dall-e-3",
                                "CONTENT_IMAGEGEN_SIZE",
                                "1792x1024",
                                "CONTENT_IMAGEGEN_RESPONSE_FORMAT",
                                "url"))
                        .enabled())
                .isFalse();
    }

    @Test
    void a_bad_imagegen_value_stops_the_start_naming_its_variable_and_never_the_key() {
        assertThatThrownBy(() -> imagegen(Map.of("CONTENT_IMAGEGEN_PROTOCOL", "midjourney")))
                .hasMessageContaining("CONTENT_IMAGEGEN_PROTOCOL");
        assertThatThrownBy(() ->
                        imagegen(Map.of("CONTENT_IMAGEGEN_PROTOCOL", "replicate", "CONTENT_IMAGEGEN_MODEL", "flux")))
                .hasMessageContaining("CONTENT_IMAGEGEN_MODEL");
        assertThatThrownBy(() -> imagegen(Map.of("CONTENT_IMAGEGEN_RATE_PER_MINUTE", "0")))
                .hasMessageContaining("CONTENT_IMAGEGEN_RATE_PER_MINUTE");
        assertThatThrownBy(() -> imagegen(
                        Map.of("CONTENT_IMAGEGEN_URL", "http://x/v1", "CONTENT_IMAGEGEN_MAX_CONCURRENCY", "many")))
                .hasMessageContaining("CONTENT_IMAGEGEN_MAX_CONCURRENCY");
        assertThatThrownBy(() -> imagegen(
                        Map.of("CONTENT_IMAGEGEN_URL", "http://x/v1", "CONTENT_IMAGEGEN_BREAKER_THRESHOLD", "5")))
                .hasMessageContaining("CONTENT_IMAGEGEN_BREAKER_THRESHOLD")
                .hasMessageContaining("CONTENT_IMAGEGEN_BREAKER_FAILURE_RATE");
        assertThatThrownBy(() -> imagegen(
                        Map.of("CONTENT_IMAGEGEN_URL", "http://x/v1", "CONTENT_IMAGEGEN_API_KEY", "sk-with space")))
                .hasMessageContaining("apiKey")
                .hasMessageNotContaining("with space");
    }
}
