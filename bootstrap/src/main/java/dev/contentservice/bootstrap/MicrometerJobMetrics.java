package dev.contentservice.bootstrap;

import dev.contentservice.application.JobMetrics;
import dev.contentservice.domain.ImageStyle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The application's metrics in Micrometer: jobs created/completed/failed, job and per-style durations. */
final class MicrometerJobMetrics implements JobMetrics {
    private final MeterRegistry registry;
    private final Counter created;
    private final Timer completed;

    MicrometerJobMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.created = Counter.builder("content.jobs.accepted")
                .description("Image generation jobs accepted")
                .register(registry);
        this.completed = Timer.builder("content.jobs.completed")
                .description("Jobs that reached COMPLETED, with their processing time")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void jobCreated() {
        created.increment();
    }

    @Override
    public void jobCompleted(Duration took) {
        completed.record(took);
    }

    @Override
    public void jobFailed(String code, Duration took) {
        Timer.builder("content.jobs.failed")
                .description("Jobs that reached FAILED, by failure code")
                .tag("code", code)
                .register(registry)
                .record(took);
    }

    @Override
    public void styleFinished(ImageStyle style, boolean succeeded, Duration took) {
        Timer.builder("content.style.duration")
                .description("Time to draw one style's image")
                .tag("style", style.key())
                .tag("outcome", succeeded ? "success" : "failure")
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }
}
