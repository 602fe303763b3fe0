package dev.contentservice.adapter.imagegen.http;

import static dev.contentservice.adapter.imagegen.http.TestImages.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
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

/** The API key goes into the Authorization header of the generation request, and nowhere else. */
class SecretsTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final CapturedLogs logs = new CapturedLogs();
    private HttpImageGenerator generator;

    @BeforeEach
    void captureLogs() {
        logs.attach();
        generator = new HttpImageGenerator(
                TestImages.fastSettings(server).withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10)));
    }

    @AfterEach
    void release() {
        logs.detach();
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
        assertThat(logs.events()).isNotEmpty().noneMatch(SecretsTest::mentionsKey);
        assertThat(generator.toString()).doesNotContain(KEY);
    }

    @Test
    void a_refusal_that_echoes_the_key_masked_cut_or_lower_cased_reaches_neither_the_error_nor_the_log() {
        String key = "gw_live_AbCdEf0123456789XyZ";
        HttpImageGenerator keyed = new HttpImageGenerator(TestImages.fastSettings(server)
                .withProvider(ProviderSettings.openAi(
                                java.net.URI.create(server.url("/v1").toString()), java.util.Optional.of(key))
                        .withAllowPrivateUrls(true)));
        try {
            server.enqueue(TestImages.json(
                    400,
                    "{\"error\":{\"message\":\"key gw_live_AbCd****…XyZ, " + key.substring(0, 20) + ", "
                            + key.toLowerCase() + " \u202Erejected\",\"type\":\"invalid_request_error\","
                            + "\"param\":null,\"code\":\"bad_key\"}}"));

            Throwable thrown =
                    catchThrowable(() -> keyed.generate(TestImages.request()).get(10, TimeUnit.SECONDS));

            ImageGenerationException failure = (ImageGenerationException) thrown.getCause();
            String stored = JobFailure.from(failure).detail();
            assertThat(stored).doesNotContain("AbCd").doesNotContain("abcd").doesNotContain("rejected");
            assertThat(logs.events())
                    .anyMatch(event -> event.getFormattedMessage().contains("rejected"));
            assertThat(logs.events())
                    .noneMatch(
                            event -> event.getFormattedMessage().toLowerCase().contains("abcdef01"))
                    .noneMatch(event -> event.getFormattedMessage().contains("AbCd"))
                    .noneMatch(event -> event.getFormattedMessage().contains("\u202E"));
        } finally {
            keyed.close();
        }
    }

    private static boolean mentionsKey(ILoggingEvent event) {
        String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
        return event.getFormattedMessage().contains(KEY) || thrown.contains(KEY);
    }
}
