package dev.contentservice.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import dev.contentservice.logging.StdoutAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Applies the logging settings of {@link OpsConfig} to logback, once, at start: the root level (already
 * validated) and, for {@code CONTENT_LOG_FORMAT=json}, one JSON object per line from logback's own
 * {@link JsonEncoder}, with the MDC ({@code jobId}, {@code eventDraftId}, {@code requestId}) under
 * {@code mdc}. Does nothing when logback is not the SLF4J backend.
 */
final class LogSetup {
    private LogSetup() {}

    /**
     * Writes out every log line logged so far: the service's last lines (its shutdown) may still be with the
     * appender's writer thread, which the JVM does not wait for when it halts.
     */
    static void flush() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof StdoutAppender stdout) {
                stdout.flush();
            }
        }
    }

    static void apply(OpsConfig ops) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(ops.logLevel(), Level.INFO));
        if (ops.logFormat() != OpsConfig.LogFormat.JSON) {
            return;
        }
        List<Appender<ILoggingEvent>> consoles = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (appender instanceof StdoutAppender || appender instanceof ConsoleAppender<ILoggingEvent>) {
                consoles.add(appender);
            }
        }
        for (Appender<ILoggingEvent> old : consoles) {
            root.detachAppender(old);
            old.stop();
        }
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        StdoutAppender json = new StdoutAppender();
        json.setContext(context);
        json.setName("JSON");
        json.setEncoder(encoder);
        json.start();
        root.addAppender(json);
    }
}
