package dev.contentservice.bootstrap;

import com.google.inject.Binding;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Scopes;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import dev.contentservice.adapter.rest.ContentHttpServer;
import dev.contentservice.application.ImageGenerationWorker;
import dev.contentservice.application.StopEndedJobs;
import dev.contentservice.application.WebhookDispatcher;
import dev.contentservice.domain.JobQueue;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Content Service: the HTTP API and the background worker, wired from a {@link ContentConfig}.
 * {@link #close()} shuts it down gracefully: no new requests, running jobs handed over to other
 * instances, then the stores and clients closed.
 */
public final class ContentService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContentService.class);

    private final Injector injector;
    private final ContentHttpServer http;
    private final ImageGenerationWorker worker;
    private final int port;
    private final String baseUrl;
    private boolean closed;

    private ContentService(Injector injector, ContentHttpServer http, ImageGenerationWorker worker, int port) {
        this.injector = injector;
        this.http = http;
        this.worker = worker;
        this.port = port;
        this.baseUrl = "http://localhost:" + port;
    }

    /**
     * Starts the service.
     *
     * @param overrides Guice modules whose bindings replace the configured ones (tests swap the image
     *     generator this way, for example)
     */
    public static ContentService start(ContentConfig config, Module... overrides) {
        Injector injector;
        try {
            injector = Guice.createInjector(
                    Stage.PRODUCTION,
                    Modules.override(ContentModules.forConfig(config)).with(overrides));
        } catch (CreationException | ProvisionException e) {
            // a setting found not to work at start (a missing bucket, say): Main exits 2 with its message
            throw InvalidSettingException.in(e).orElseThrow(() -> e);
        }
        ContentHttpServer http = injector.getInstance(ContentHttpServer.class);
        int port = http.start();
        injector.getInstance(PublicBaseUrl.class).serverListensOn(port);
        ImageGenerationWorker worker = injector.getInstance(ImageGenerationWorker.class);
        injector.getInstance(ServiceMetrics.class).watch(worker, injector.getInstance(JobQueue.class));
        worker.start();
        injector.getInstance(StopEndedJobs.class).start();
        injector.getInstance(WebhookDispatcher.class).start();
        LOG.info("Content Service listening on http://localhost:{} with {}", port, config);
        return new ContentService(injector, http, worker, port);
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:{port}}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** An object from the service's wiring (for tests and embedding). */
    public <T> T instance(Class<T> type) {
        return injector.getInstance(type);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Content Service shutting down");
        quietly("stop HTTP", http::stop);
        quietly("hand over jobs", worker::close);
        // then every other resource the wiring created (renderer pools, Redis connections, HTTP clients), once
        Set<Object> closeables = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Binding<?> binding : injector.getAllBindings().values()) {
            if (Scopes.isSingleton(binding)) {
                Object instance = binding.getProvider().get();
                if (instance instanceof AutoCloseable && instance != http && instance != worker) {
                    closeables.add(instance);
                }
            }
        }
        for (Object closeable : closeables) {
            quietly("close " + closeable.getClass().getSimpleName(), () -> {
                try {
                    ((AutoCloseable) closeable).close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        LOG.info("Content Service stopped");
    }

    private static void quietly(String step, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("shutdown: could not {}: {}", step, e.toString());
        }
    }
}
