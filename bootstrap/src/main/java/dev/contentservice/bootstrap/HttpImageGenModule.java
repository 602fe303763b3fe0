package dev.contentservice.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.StringMapKey;
import dev.contentservice.adapter.imagegen.http.HttpImageGenerator;
import dev.contentservice.adapter.imagegen.http.HttpImageGeneratorSettings;
import dev.contentservice.adapter.memory.InMemoryProviderBudget;
import dev.contentservice.adapter.redis.RedisProviderBudget;
import dev.contentservice.adapter.redis.RedisSettings;
import dev.contentservice.adapter.render.LocalImageRenderer;
import dev.contentservice.application.ComposePosters;
import dev.contentservice.application.FallbackImageGenerator;
import dev.contentservice.application.TextMode;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageLinks;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.ProviderBudget;
import dev.contentservice.domain.ProviderCallMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An HTTP provider draws the images (OpenAI-compatible or Replicate), within the rate budget shared by every
 * instance on the same Redis (or this process's own in memory mode); with CONTENT_IMAGEGEN_FALLBACK=local the
 * local renderer steps in while the provider is unavailable.
 */
final class HttpImageGenModule extends AbstractModule {
    private final ContentConfig config;
    private final ImageGenConfig imagegen;

    HttpImageGenModule(ContentConfig config, ImageGenConfig imagegen) {
        this.config = config;
        this.imagegen = imagegen;
    }

    @ProvidesIntoMap
    @StringMapKey("imagegen")
    Supplier<Object> readinessDetail(HttpImageGenerator generator) {
        return generator::state;
    }

    @Provides
    @Singleton
    HttpImageGeneratorSettings settings() {
        return imagegen.settings()
                .orElseThrow(() -> new IllegalStateException(
                        "CONTENT_IMAGEGEN_URL or CONTENT_IMAGEGEN_PROTOCOL is required for the HTTP generator"));
    }

    @Provides
    @Singleton
    ProviderBudget providerBudget(HttpImageGeneratorSettings settings, Clock clock) {
        if (config.redisUrl().isPresent()) {
            String name = settings.provider().baseUrl().getHost().toLowerCase(Locale.ROOT);
            return RedisProviderBudget.open(
                    RedisSettings.of(config.redisUrl().get()), name, imagegen.ratePerMinute(), clock);
        }
        return new InMemoryProviderBudget(clock, imagegen.ratePerMinute());
    }

    @Provides
    @Singleton
    HttpImageGenerator httpGenerator(
            HttpImageGeneratorSettings settings,
            Clock clock,
            ProviderBudget budget,
            ProviderCallMetrics callMetrics,
            MeterRegistry registry) {
        HttpImageGenerator generator = new HttpImageGenerator(settings, clock, budget, callMetrics);
        bindMetrics(generator, registry);
        return generator;
    }

    @Provides
    @Singleton
    ImageGenerator imageGenerator(HttpImageGenerator http, Provider<LocalImageRenderer> local) {
        if (config.imagegenFallback() == ContentConfig.Fallback.LOCAL) {
            return new FallbackImageGenerator(http, local.get());
        }
        return http;
    }

    /**
     * The worker's drawing (issue 13): the bare provider draws each style's art once ({@code
     * CONTENT_IMAGEGEN_TEXT=overlay}) or its whole square poster ({@code provider}); the local renderer sets
     * the type in every format, and draws on its own background while the provider is unavailable when
     * {@code CONTENT_IMAGEGEN_FALLBACK=local}. An {@link ImageGenerator} bound over this module's (an
     * embedding's or a test's override) draws the whole square poster instead, as before issue 13.
     */
    @Provides
    @Singleton
    ComposePosters composePosters(
            ImageGenerator bound,
            HttpImageGenerator http,
            LocalImageRenderer local,
            ImageStore imageStore,
            ImageLinks links) {
        if (bound != http && !(bound instanceof FallbackImageGenerator)) {
            return new ComposePosters(
                    Optional.of(bound), false, TextMode.PROVIDER, local, imageStore, links, composerThreads());
        }
        return new ComposePosters(
                Optional.of(http),
                config.imagegenFallback() == ContentConfig.Fallback.LOCAL,
                config.textMode(),
                local,
                imageStore,
                links,
                composerThreads());
    }

    /** Threads for the composition's blocking store calls (the provider and the renderer are asynchronous). */
    static Executor composerThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "content-compose-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Provides
    @Singleton
    LocalImageRenderer fallbackRenderer() {
        return new LocalImageRenderer();
    }

    /** The breaker, the budget and the calls as meters (the ops issue may rename them; the values stay). */
    static void bindMetrics(HttpImageGenerator generator, MeterRegistry registry) {
        for (String state : List.of("closed", "open", "half-open")) {
            Gauge.builder(
                            "content_imagegen_breaker_state",
                            generator,
                            g -> g.state().breaker().equals(state) ? 1 : 0)
                    .description("1 for the image provider circuit's current state")
                    .tag("state", state)
                    .register(registry);
        }
        Gauge.builder(
                        "content_imagegen_calls_in_flight",
                        generator,
                        g -> g.state().inFlight())
                .description("provider calls in flight")
                .register(registry);
        Gauge.builder(
                        "content_imagegen_calls_waiting_slot",
                        generator,
                        g -> g.state().waitingForSlot())
                .description("provider calls waiting for a place under CONTENT_IMAGEGEN_MAX_CONCURRENCY")
                .register(registry);
        Gauge.builder(
                        "content_imagegen_calls_waiting_budget",
                        generator,
                        g -> g.state().waitingForBudget())
                .description("provider calls waiting for their slot of the shared rate budget")
                .register(registry);
        FunctionCounter.builder(
                        "content_imagegen_calls", generator, g -> g.state().calls())
                .description("style calls finished, after their retries")
                .register(registry);
        FunctionCounter.builder(
                        "content_imagegen_calls_failed",
                        generator,
                        g -> g.state().failedCalls())
                .description("style calls the breaker counted as provider failures")
                .register(registry);
        FunctionCounter.builder(
                        "content_imagegen_fast_failures",
                        generator,
                        g -> g.state().fastFailures())
                .description("calls refused at once because the circuit was open")
                .register(registry);
        FunctionCounter.builder(
                        "content_imagegen_fresh_connection_retries",
                        generator,
                        g -> g.state().freshConnectionRetries())
                .description("requests repeated on a fresh connection after a reused one had died")
                .register(registry);
        FunctionCounter.builder(
                        "content_imagegen_budget_wait_seconds",
                        generator,
                        g -> g.state().budgetWaitMillis() / 1000.0)
                .description("total time provider calls waited for the shared rate budget")
                .register(registry);
    }
}
