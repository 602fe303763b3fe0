package dev.contentservice.bootstrap;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The externally visible base URL of hosted images: {@code CONTENT_PUBLIC_BASE_URL}, or, when unset,
 * {@code http://localhost:{port}} once the HTTP server knows its port (which may be a free one).
 */
final class PublicBaseUrl {
    private final AtomicReference<String> value = new AtomicReference<>();

    PublicBaseUrl(Optional<String> configured) {
        configured.ifPresent(value::set);
    }

    /** Called once the server listens; keeps a configured URL. */
    void serverListensOn(int port) {
        value.compareAndSet(null, "http://localhost:" + port);
    }

    String get() {
        String base = value.get();
        if (base == null) {
            throw new IllegalStateException("the public base URL is known once the HTTP server started");
        }
        return base;
    }
}
