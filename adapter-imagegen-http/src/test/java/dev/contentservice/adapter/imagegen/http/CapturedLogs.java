package dev.contentservice.adapter.imagegen.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Every event logged anywhere while attached, safe to read while other threads still log: a provider call's
 * retries, the breaker and OkHttp's own threads go on logging after the call under test has answered, and
 * logback's {@code ListAppender} hands out its plain list, whose iteration then fails.
 */
final class CapturedLogs extends AppenderBase<ILoggingEvent> {
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    void attach() {
        start();
        root.addAppender(this);
    }

    void detach() {
        root.detachAppender(this);
        stop();
    }

    /** A snapshot of what was logged so far. */
    List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        events.add(event);
    }
}
