package dev.contentservice.bootstrap;

import dev.contentservice.application.ImageGenerationWorker;
import dev.contentservice.domain.JobQueue;
import dev.contentservice.domain.ProviderCallMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's own metrics beyond the jobs' ({@link MicrometerJobMetrics}): HTTP requests, provider
 * calls by outcome with latency and retries (fed by the image provider adapter through {@link
 * ProviderCallMetrics}), queue depth and jobs in flight, and the JVM and process binders. The provider's
 * breaker and concurrency gauges are bound next to the adapter ({@code HttpImageGenModule}). Names follow Prometheus conventions
 * (base units, {@code _total} counters); the README lists them.
 */
final class ServiceMetrics implements ProviderCallMetrics, AutoCloseable {
    /** Request latencies: from a cached status read to a 30 s long-poll. */
    private static final Duration[] HTTP_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30);
    /** One provider call: an image model takes seconds to a minute or two. */
    private static final Duration[] PROVIDER_BUCKETS = seconds(0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120);

    private final MeterRegistry registry;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<Outcome, Counter> calls = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Timer> latencies = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Counter> retries = new EnumMap<>(Outcome.class);
    private final Map<RequestKind, Timer> requests = new ConcurrentHashMap<>();

    /**
     * Two of Micrometer's processor meters break Prometheus naming (promtool says so): a "_count" that is no
     * histogram count, and CPU time in nanoseconds. Renamed, and the CPU time registered in seconds by
     * {@link ServiceMetrics}; configured on the registry before any meter is registered.
     */
    static void configure(MeterRegistry registry) {
        registry.config()
                .meterFilter(new MeterFilter() {
                    @Override
                    public Meter.Id map(Meter.Id id) {
                        return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.logical") : id;
                    }
                })
                .meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
    }

    ServiceMetrics(MeterRegistry registry, ContentConfig config) {
        this.registry = registry;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9)
                    .baseUnit("seconds")
                    .description("CPU time used by this process")
                    .register(registry);
        }
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        for (Outcome outcome : Outcome.values()) {
            String tag = outcome.name().toLowerCase(Locale.ROOT);
            calls.put(
                    outcome,
                    Counter.builder("content.provider.calls")
                            .description("Calls (attempts) to the image provider, by outcome")
                            .tag("outcome", tag)
                            .register(registry));
            latencies.put(
                    outcome,
                    Timer.builder("content.provider.call.duration")
                            .description("Latency of one call to the image provider, by outcome")
                            .tag("outcome", tag)
                            .serviceLevelObjectives(PROVIDER_BUCKETS)
                            .register(registry));
            retries.put(
                    outcome,
                    Counter.builder("content.provider.retries")
                            .description("Retries of provider calls, by the outcome of the failed attempt")
                            .tag("after", tag)
                            .register(registry));
        }
    }

    /** Adds the gauges that read the running worker and its queue. */
    void watch(ImageGenerationWorker worker, JobQueue queue) {
        Gauge.builder("content.jobs.in.flight", worker, ImageGenerationWorker::inFlight)
                .description("Jobs this instance is working on")
                .register(registry);
        Gauge.builder("content.queue.depth", queue, ServiceMetrics::waiting)
                .description("Jobs waiting in the queue to be claimed, across every instance")
                .register(registry);
    }

    private static double waiting(JobQueue queue) {
        try {
            OptionalLong waiting = queue.waiting();
            return waiting.isPresent() ? waiting.getAsLong() : Double.NaN;
        } catch (RuntimeException unavailable) {
            return Double.NaN; // the store is down: readiness says so; the scrape still answers
        }
    }

    void requestFinished(String method, String route, int status, Duration took) {
        requests.computeIfAbsent(new RequestKind(method, route, status), this::requestTimer)
                .record(took);
    }

    /**
     * The timer of one kind of request, built once: a builder and its registration on every request cost
     * more than the request's own routing (route templates and statuses are few, so the cache stays small).
     */
    private Timer requestTimer(RequestKind kind) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests answered, by method, route template and status")
                .tag("method", kind.method())
                .tag("route", kind.route())
                .tag("status", Integer.toString(kind.status()))
                .serviceLevelObjectives(HTTP_BUCKETS)
                .register(registry);
    }

    private record RequestKind(String method, String route, int status) {}

    @Override
    public void callFinished(Outcome outcome, Duration latency) {
        calls.get(outcome).increment();
        latencies.get(outcome).record(latency);
    }

    @Override
    public void retryScheduled(Outcome after) {
        retries.get(after).increment();
    }

    @Override
    public void close() {
        gc.close();
    }

    private static Duration[] seconds(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(values[i] * 1_000_000_000L));
        }
        return durations;
    }
}
