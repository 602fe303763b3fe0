package dev.contentservice.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import dev.contentservice.adapter.rest.ContentHttpServer;
import dev.contentservice.application.JobDurationEstimator;
import dev.contentservice.application.JobLogContext;
import dev.contentservice.application.JobMetrics;
import dev.contentservice.application.WorkerSettings;
import dev.contentservice.domain.ImageLinks;
import dev.contentservice.domain.ProviderCallMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** What every configuration shares: time, metrics, worker settings and the public links of hosted images. */
final class CoreModule extends AbstractModule {
    private final ContentConfig config;

    CoreModule(ContentConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(ContentConfig.class).toInstance(config);
        // every store module adds its probe; an empty map means "ready"
        MapBinder.newMapBinder(binder(), String.class, BooleanSupplier.class);
        // modules may add more about a component for the readiness body (the image provider's circuit)
        MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {}, new TypeLiteral<Supplier<Object>>() {});
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ServiceMetrics.configure(registry);
        return registry;
    }

    @Provides
    @Singleton
    MeterRegistry meterRegistry(PrometheusMeterRegistry prometheus) {
        return prometheus;
    }

    @Provides
    @Singleton
    ServiceMetrics serviceMetrics(MeterRegistry registry) {
        return new ServiceMetrics(registry, config);
    }

    /** The image provider adapter reports its calls and breaker here. */
    @Provides
    @Singleton
    ProviderCallMetrics providerCallMetrics(ServiceMetrics metrics) {
        return metrics;
    }

    @Provides
    @Singleton
    JobMetrics jobMetrics(MeterRegistry registry, JobDurationEstimator estimates) {
        // the worker's completions also feed the Retry-After estimate
        return JobMetrics.both(new MicrometerJobMetrics(registry), estimates);
    }

    @Provides
    @Singleton
    JobLogContext jobLogContext() {
        return new MdcJobLogContext();
    }

    @Provides
    @Singleton
    JobDurationEstimator jobDurationEstimator(Clock clock) {
        return new JobDurationEstimator(clock);
    }

    @Provides
    @Singleton
    WorkerSettings workerSettings() {
        // renew well within the lease, so a live worker never loses a job it is working on
        Duration renewEvery = config.lease().dividedBy(3);
        if (renewEvery.compareTo(Duration.ofSeconds(10)) > 0) {
            renewEvery = Duration.ofSeconds(10);
        }
        return WorkerSettings.defaults()
                .withJobDeadline(config.jobDeadline())
                .withMaxInFlightJobs(config.maxInFlightJobs())
                .withMaxAttempts(config.ops().jobMaxAttempts())
                .withRenewEvery(renewEvery);
    }

    @Provides
    @Singleton
    PublicBaseUrl publicBaseUrl() {
        return new PublicBaseUrl(config.publicBaseUrl());
    }

    @Provides
    @Singleton
    ImageLinks imageLinks(PublicBaseUrl base) {
        ImageStorage storage = config.imageStorage();
        if (storage.publicUrl().isPresent()) {
            // a CDN or the bucket's public URL: {CONTENT_IMAGE_PUBLIC_URL}/{object key}
            String publicUrl = storage.publicUrl().get();
            return name -> publicUrl + "/" + storage.objectKey(name.value());
        }
        return ContentHttpServer.imageLinks(base::get);
    }
}
