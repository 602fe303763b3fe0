package dev.contentservice.adapter.imagegen.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpImageGeneratorSettingsTest {
    private static final URI OPENAI = URI.create("https://api.openai.com/v1");
    private static final String KEY = "sk-proj-VerySecret0123456789";

    @Test
    void defaults_draw_square_images_with_gpt_image_1() {
        HttpImageGeneratorSettings settings = HttpImageGeneratorSettings.of(OPENAI, Optional.of(KEY));

        assertThat(settings.model()).isEqualTo("gpt-image-1");
        assertThat(settings.size()).isEqualTo("1024x1024");
        assertThat(settings.effectiveResponseFormat()).isEmpty();
        assertThat(settings.maxRetries()).isEqualTo(3);
        assertThat(settings.maxConcurrentCalls()).isEqualTo(16);
    }

    @Test
    void to_string_never_shows_the_api_key() {
        HttpImageGeneratorSettings settings = HttpImageGeneratorSettings.of(OPENAI, Optional.of(KEY));

        assertThat(settings.toString()).doesNotContain(KEY).contains("apiKey=****");
    }

    @Test
    void an_invalid_key_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> HttpImageGeneratorSettings.of(OPENAI, Optional.of("sk-with space")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey")
                .hasMessageNotContaining("with space");
    }

    @Test
    void dall_e_models_are_asked_for_b64_json_and_gpt_image_models_never_get_response_format() {
        HttpImageGeneratorSettings settings = HttpImageGeneratorSettings.of(OPENAI, Optional.of(KEY));

        assertThat(settings.withModel("dall-e-3").effectiveResponseFormat()).contains("b64_json");
        assertThat(settings.withModel("dall-e-2")
                        .withResponseFormat(Optional.of("url"))
                        .effectiveResponseFormat())
                .contains("url");
        assertThat(settings.withModel("gpt-image-1.5").effectiveResponseFormat())
                .isEmpty();
        assertThat(settings.withModel("my-local-model").effectiveResponseFormat())
                .isEmpty();
        assertThatThrownBy(() -> settings.withResponseFormat(Optional.of("url")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GPT image models");
    }

    @Test
    void values_out_of_range_are_refused_with_the_field_named() {
        HttpImageGeneratorSettings settings = HttpImageGeneratorSettings.of(OPENAI, Optional.empty());

        assertThatThrownBy(() -> settings.withSize("big")).hasMessageContaining("size");
        assertThatThrownBy(() -> settings.withResponseFormat(Optional.of("png")))
                .hasMessageContaining("responseFormat");
        assertThatThrownBy(() -> settings.withRetries(-1, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> settings.withRetries(1, Duration.ofSeconds(3), Duration.ofSeconds(2)))
                .hasMessageContaining("backoffMax");
        assertThatThrownBy(() -> settings.withBreaker(0, Duration.ofSeconds(1)))
                .hasMessageContaining("breakerFailureThreshold");
        assertThatThrownBy(() -> settings.withMaxConcurrentCalls(0)).hasMessageContaining("maxConcurrentCalls");
        assertThatThrownBy(() -> settings.withTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> HttpImageGeneratorSettings.of(URI.create("ftp://example.com"), Optional.empty()))
                .hasMessageContaining("baseUrl");
    }

    @Test
    void environment_without_a_url_means_no_http_generator() {
        assertThat(HttpImageGeneratorSettings.fromEnvironment(Map.of("CONTENT_IMAGEGEN_API_KEY", KEY)))
                .isEmpty();
    }

    @Test
    void environment_sets_every_imagegen_setting() {
        Map<String, String> env = Map.of(
                "CONTENT_IMAGEGEN_URL", "https://images.example.com/v1",
                "CONTENT_IMAGEGEN_API_KEY", KEY,
                "CONTENT_IMAGEGEN_MODEL", "dall-e-3",
                "CONTENT_IMAGEGEN_SIZE", "1792x1024",
                "CONTENT_IMAGEGEN_RESPONSE_FORMAT", "url",
                "CONTENT_IMAGEGEN_TIMEOUT_SECONDS", "90",
                "CONTENT_IMAGEGEN_MAX_RETRIES", "5",
                "CONTENT_IMAGEGEN_MAX_CONCURRENCY", "4",
                "CONTENT_IMAGEGEN_BREAKER_THRESHOLD", "7",
                "CONTENT_IMAGEGEN_BREAKER_OPEN_SECONDS", "60");

        HttpImageGeneratorSettings settings =
                HttpImageGeneratorSettings.fromEnvironment(env).orElseThrow();

        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://images.example.com/v1"));
        assertThat(settings.apiKey()).contains(KEY);
        assertThat(settings.model()).isEqualTo("dall-e-3");
        assertThat(settings.size()).isEqualTo("1792x1024");
        assertThat(settings.effectiveResponseFormat()).contains("url");
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.maxRetries()).isEqualTo(5);
        assertThat(settings.maxConcurrentCalls()).isEqualTo(4);
        assertThat(settings.breakerFailureThreshold()).isEqualTo(7);
        assertThat(settings.breakerOpenDelay()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void a_bad_environment_value_names_its_variable() {
        assertThatThrownBy(() -> HttpImageGeneratorSettings.fromEnvironment(Map.of(
                        "CONTENT_IMAGEGEN_URL", "https://api.openai.com/v1",
                        "CONTENT_IMAGEGEN_MAX_CONCURRENCY", "many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTENT_IMAGEGEN_MAX_CONCURRENCY");
    }

    @Test
    void the_generator_is_named_after_the_provider_and_model() {
        HttpImageGenerator openai = new HttpImageGenerator(HttpImageGeneratorSettings.of(OPENAI, Optional.of(KEY)));
        HttpImageGenerator other = new HttpImageGenerator(
                HttpImageGeneratorSettings.of(URI.create("http://localhost:8000/v1/"), Optional.empty())
                        .withModel("flux-schnell"));

        assertThat(openai.name()).isEqualTo("openai:gpt-image-1");
        assertThat(other.name()).isEqualTo("http:flux-schnell");
        assertThat(openai.toString()).doesNotContain(KEY);
        openai.close();
        other.close();
    }
}
