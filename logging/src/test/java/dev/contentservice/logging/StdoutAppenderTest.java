package dev.contentservice.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StdoutAppenderTest {
    @Test
    void writes_each_event_as_its_encoder_formats_it() {
        LoggerContext context = new LoggerContext();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %logger - %msg%n");
        encoder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StdoutAppender appender = new StdoutAppender(out);
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        Logger logger = context.getLogger("jobs");
        logger.addAppender(appender);

        logger.info("job {}: COMPLETED in {} ms", "abc", 12);
        logger.warn("번역 없음");

        assertEquals(
                "INFO  jobs - job abc: COMPLETED in 12 ms\nWARN  jobs - 번역 없음\n", out.toString(StandardCharsets.UTF_8));
        context.stop();
    }

    @Test
    void does_not_start_without_an_encoder() {
        LoggerContext context = new LoggerContext();
        StdoutAppender appender = new StdoutAppender(new ByteArrayOutputStream());
        appender.setContext(context);
        appender.start();
        assertFalse(appender.isStarted());
    }
}
