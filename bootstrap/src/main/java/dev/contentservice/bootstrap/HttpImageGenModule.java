package dev.contentservice.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.contentservice.adapter.imagegen.http.HttpImageGenerator;
import dev.contentservice.adapter.imagegen.http.HttpImageGeneratorSettings;
import dev.contentservice.adapter.render.LocalImageRenderer;
import dev.contentservice.application.FallbackImageGenerator;
import dev.contentservice.domain.ImageGenerator;
import java.time.Clock;

/**
 * CONTENT_IMAGEGEN_URL set: an OpenAI-compatible provider draws the images; with
 * CONTENT_IMAGEGEN_FALLBACK=local the local renderer steps in while the provider is unavailable.
 */
final class HttpImageGenModule extends AbstractModule {
    private final ContentConfig config;

    HttpImageGenModule(ContentConfig config) {
        this.config = config;
    }

    @Provides
    @Singleton
    HttpImageGenerator httpGenerator(Clock clock) {
        HttpImageGeneratorSettings settings = HttpImageGeneratorSettings.fromEnvironment(config.effectiveVariables())
                .orElseThrow(
                        () -> new IllegalStateException("CONTENT_IMAGEGEN_URL is required for the HTTP generator"));
        return new HttpImageGenerator(settings, clock);
    }

    @Provides
    @Singleton
    ImageGenerator imageGenerator(HttpImageGenerator http, Provider<LocalImageRenderer> local) {
        if (config.imagegenFallback() == ContentConfig.Fallback.LOCAL) {
            return new FallbackImageGenerator(http, local.get());
        }
        return http;
    }

    @Provides
    @Singleton
    LocalImageRenderer fallbackRenderer() {
        return new LocalImageRenderer();
    }
}
