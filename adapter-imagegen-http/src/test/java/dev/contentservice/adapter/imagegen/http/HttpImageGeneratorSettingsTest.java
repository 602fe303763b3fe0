package dev.contentservice.adapter.imagegen.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpImageGeneratorSettingsTest {
    private static final URI OPENAI = URI.create("https://api.openai.com/v1");
    private static final String KEY = "sk-proj-VerySecret0123456789";

    @Test
    void defaults_draw_square_images_with_gpt_image_1_behind_a_rate_based_breaker() {
        HttpImageGeneratorSettings settings = HttpImageGeneratorSettings.of(OPENAI, Optional.of(KEY));

        assertThat(settings.provider().protocol()).isEqualTo(ProviderSettings.Protocol.OPENAI);
        assertThat(settings.provider().model()).isEqualTo("gpt-image-1");
        assertThat(settings.provider().size()).isEqualTo("1024x1024");
        assertThat(settings.provider().effectiveResponseFormat()).isEmpty();
        assertThat(settings.retries().max()).isEqualTo(3);
        assertThat(settings.limits().maxConcurrentCalls()).isEqualTo(16);
        assertThat(settings.breaker().failureRatePercent()).isEqualTo(50);
        assertThat(settings.breaker().minimumCalls()).isEqualTo(10);
        assertThat(settings.breaker().window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.breaker().halfOpenCalls()).isGreaterThanOrEqualTo(3);
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
        ProviderSettings settings = ProviderSettings.openAi(OPENAI, Optional.of(KEY));

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
    void a_replicate_model_must_be_owner_and_name() {
        ProviderSettings replicate = ProviderSettings.openAi(
                        ProviderSettings.Protocol.REPLICATE.defaultUrl(), Optional.of(KEY))
                .withModel("black-forest-labs/flux-schnell")
                .withProtocol(ProviderSettings.Protocol.REPLICATE);

        assertThat(replicate.model()).isEqualTo("black-forest-labs/flux-schnell");
        assertThatThrownBy(() -> replicate.withModel("flux-schnell"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("owner/name");
    }

    @Test
    void values_out_of_range_are_refused_with_the_field_named() {
        HttpImageGeneratorSettings settings = HttpImageGeneratorSettings.of(OPENAI, Optional.empty());

        assertThatThrownBy(() -> settings.provider().withSize("big")).hasMessageContaining("size");
        assertThatThrownBy(() -> settings.provider().withResponseFormat(Optional.of("png")))
                .hasMessageContaining("responseFormat");
        assertThatThrownBy(() -> settings.withRetries(-1, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .hasMessageContaining("max");
        assertThatThrownBy(() -> settings.withRetries(1, Duration.ofSeconds(3), Duration.ofSeconds(2)))
                .hasMessageContaining("cap");
        assertThatThrownBy(() -> settings.breaker().withMinimumCalls(0)).hasMessageContaining("minimumCalls");
        assertThatThrownBy(() -> new HttpImageGeneratorSettings.Breaker(
                        101, 10, Duration.ofSeconds(60), Duration.ofSeconds(30), 3))
                .hasMessageContaining("failureRatePercent");
        assertThatThrownBy(() -> settings.withMaxConcurrentCalls(0)).hasMessageContaining("maxConcurrentCalls");
        assertThatThrownBy(() -> settings.withTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("connect");
        assertThatThrownBy(
                        () -> new HttpImageGeneratorSettings.Polling(61, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .hasMessageContaining("preferWait");
        assertThatThrownBy(() -> HttpImageGeneratorSettings.of(URI.create("ftp://example.com"), Optional.empty()))
                .hasMessageContaining("baseUrl");
    }

    @Test
    void the_generator_is_named_after_the_provider_and_model() {
        HttpImageGenerator openai = new HttpImageGenerator(HttpImageGeneratorSettings.of(OPENAI, Optional.of(KEY)));
        HttpImageGenerator other = new HttpImageGenerator(
                HttpImageGeneratorSettings.of(URI.create("http://localhost:8000/v1/"), Optional.empty())
                        .withModel("flux-schnell"));
        HttpImageGenerator replicate = new HttpImageGenerator(HttpImageGeneratorSettings.of(new ProviderSettings(
                ProviderSettings.Protocol.REPLICATE,
                ProviderSettings.Protocol.REPLICATE.defaultUrl(),
                Optional.of(KEY),
                "black-forest-labs/flux-schnell",
                "1024x1024",
                Optional.empty(),
                false)));

        assertThat(openai.name()).isEqualTo("openai:gpt-image-1");
        assertThat(other.name()).isEqualTo("http:flux-schnell");
        assertThat(replicate.name()).isEqualTo("replicate:black-forest-labs/flux-schnell");
        assertThat(openai.toString()).doesNotContain(KEY);
        openai.close();
        other.close();
        replicate.close();
    }
}
