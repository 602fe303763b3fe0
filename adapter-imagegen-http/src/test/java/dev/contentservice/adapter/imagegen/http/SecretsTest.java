package dev.contentservice.adapter.imagegen.http;

import static dev.contentservice.adapter.imagegen.http.TestImages.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.JobFailure;
import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The API key goes into the Authorization header of the generation request, and nowhere else. */
class SecretsTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private HttpImageGenerator generator;

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
        generator = new HttpImageGenerator(TestImages.fastSettings(server)
                .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10))
                .withBreaker(3, Duration.ofSeconds(30)));
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
        generator.close();
    }

    @Test
    void the_key_is_in_the_authorization_header_and_in_no_body_url_download_log_or_error() throws Exception {
        server.enqueue(TestImages.urlAnswer(server.url("/files/a.png").toString()));
        server.enqueue(TestImages.imageFile(TestImages.png(Color.RED), "image/png"));
        server.enqueue(TestImages.json(
                400,
                "{\"error\":{\"message\":\"rejected for " + KEY + "\",\"type\":\"invalid_request_error\","
                        + "\"param\":\"prompt\",\"code\":\"content_policy_violation\"}}"));
        server.enqueue(TestImages.json(
                401,
                "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                        + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));
        for (int i = 0; i < 4; i++) {
            server.enqueue(TestImages.status(500));
        }

        List<String> errors = new ArrayList<>();
        generator.generate(TestImages.request()).get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 4; i++) {
            Throwable thrown = catchThrowable(
                    () -> generator.generate(TestImages.request()).get(10, TimeUnit.SECONDS));
            assertThat(thrown).isInstanceOf(ExecutionException.class);
            ImageGenerationException failure = (ImageGenerationException) thrown.getCause();
            errors.add(failure.toString());
            errors.add(JobFailure.from(failure).detail());
        }

        RecordedRequest post = server.takeRequest();
        RecordedRequest download = server.takeRequest();
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(post.getTarget()).doesNotContain(KEY);
        assertThat(post.getBody().utf8()).doesNotContain(KEY);
        assertThat(download.getHeaders().toString()).doesNotContain(KEY);
        assertThat(download.getTarget()).doesNotContain(KEY);
        assertThat(errors).hasSize(8).noneMatch(text -> text.contains(KEY));
        assertThat(logs.list).isNotEmpty().noneMatch(SecretsTest::mentionsKey);
        assertThat(generator.toString()).doesNotContain(KEY);
    }

    private static boolean mentionsKey(ILoggingEvent event) {
        String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
        return event.getFormattedMessage().contains(KEY) || thrown.contains(KEY);
    }
}
