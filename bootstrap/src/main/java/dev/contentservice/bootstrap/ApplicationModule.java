package dev.contentservice.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.contentservice.adapter.rest.ContentHttpServer;
import dev.contentservice.adapter.rest.HttpSettings;
import dev.contentservice.application.AwaitJobStatus;
import dev.contentservice.application.CancelJob;
import dev.contentservice.application.ChooseStyle;
import dev.contentservice.application.ImageGenerationWorker;
import dev.contentservice.application.JobDurationEstimator;
import dev.contentservice.application.ReadDraftImages;
import dev.contentservice.application.ReadJobStatus;
import dev.contentservice.application.RequestImageEdit;
import dev.contentservice.application.RequestImageGeneration;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.JobChanges;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The use cases, the worker (both by their @Inject constructors), waiting on jobs, and the HTTP server. */
final class ApplicationModule extends AbstractModule {
    private final ContentConfig config;

    ApplicationModule(ContentConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        // one worker per service: the one started is the one told to stop canceled jobs
        bind(ImageGenerationWorker.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    AwaitJobStatus awaitJobStatus(ReadJobStatus readJobStatus, JobChanges changes) {
        return new AwaitJobStatus(readJobStatus, changes);
    }

    @Provides
    @Singleton
    ContentHttpServer httpServer(
            RequestImageGeneration requestImageGeneration,
            RequestImageEdit requestImageEdit,
            CancelJob cancelJob,
            ReadJobStatus readJobStatus,
            AwaitJobStatus awaitJobStatus,
            JobDurationEstimator estimates,
            ImageStore imageStore,
            ReadDraftImages readDraftImages,
            ChooseStyle chooseStyle,
            Map<String, BooleanSupplier> probes,
            Map<String, Supplier<Object>> details,
            PrometheusMeterRegistry registry,
            ServiceMetrics metrics) {
        ContentHttpServer server = new ContentHttpServer(
                HttpSettings.onPort(config.httpPort())
                        .withHost(config.ops().httpHost())
                        .withApiKeys(config.ops().apiKeys(), config.ops().opsRequireKey())
                        .withCorsOrigins(config.ops().corsOrigins()),
                requestImageGeneration,
                readJobStatus,
                awaitJobStatus,
                estimates,
                imageStore,
                readDraftImages,
                chooseStyle,
                () -> {
                    Map<String, Boolean> states = new LinkedHashMap<>();
                    probes.forEach((name, probe) -> states.put(name, probe.getAsBoolean()));
                    return states;
                },
                registry::scrape,
                Optional.of(cancelJob),
                metrics::requestFinished,
                Optional.of(requestImageEdit));
        return server.readinessDetail(() -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            details.forEach((name, supplier) -> detail.put(name, supplier.get()));
            return detail;
        });
    }
}
