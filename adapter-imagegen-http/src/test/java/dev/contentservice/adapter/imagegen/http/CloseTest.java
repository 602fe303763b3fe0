package dev.contentservice.adapter.imagegen.http;

import static dev.contentservice.adapter.imagegen.http.TestImages.fastSettings;
import static dev.contentservice.adapter.imagegen.http.TestImages.request;
import static dev.contentservice.adapter.imagegen.http.Waiting.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.ProviderBudget;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Closing the generator at shutdown while provider calls are in flight. */
class CloseTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final CapturedLogs logs = new CapturedLogs();

    @BeforeEach
    void captureLogs() {
        logs.attach();
    }

    @AfterEach
    void releaseLogs() {
        logs.detach();
    }

    @Test
    void calls_in_flight_end_unavailable_and_nothing_is_logged_as_an_error() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .headersDelay(60, TimeUnit.SECONDS)
                    .build());
        }
        HttpImageGenerator generator = new HttpImageGenerator(patient(), Clock.systemUTC(), ProviderBudget.unlimited());
        CompletableFuture<GeneratedImage> first = generator.generate(request(ImageStyle.SIMPLE, Duration.ofMinutes(5)));
        CompletableFuture<GeneratedImage> second = generator.generate(request(ImageStyle.FANCY, Duration.ofMinutes(5)));
        assertThat(server.takeRequest(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.takeRequest(30, TimeUnit.SECONDS)).isNotNull();

        generator.close();

        for (CompletableFuture<GeneratedImage> call : List.of(first, second)) {
            ImageGenerationException failure = failureOf(call);
            assertThat(failure.code()).isEqualTo(ImageGenerationException.UNAVAILABLE);
        }
        ImageGenerationException after = failureOf(generator.generate(request()));
        assertThat(after.code()).isEqualTo(ImageGenerationException.UNAVAILABLE);
        assertThat(after.getMessage()).contains("closed");
        assertThat(logs.events())
                .as("a shutdown is no error")
                .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
    }

    @Test
    void a_call_waiting_for_its_retry_ends_when_the_generator_closes() throws Exception {
        server.enqueue(TestImages.status(500));
        HttpImageGenerator generator = new HttpImageGenerator(
                patient().withRetries(3, Duration.ofSeconds(60), Duration.ofSeconds(60)),
                Clock.systemUTC(),
                ProviderBudget.unlimited());
        CompletableFuture<GeneratedImage> call = generator.generate(request(ImageStyle.SIMPLE, Duration.ofMinutes(10)));
        assertThat(server.takeRequest(30, TimeUnit.SECONDS)).isNotNull();
        Waiting.eventually(() -> logs.events().stream()
                .anyMatch(event -> event.getFormattedMessage().contains("retrying in")));

        generator.close(); // the retry, 30-60 s away, sits in the scheduler that close shuts down

        assertThat(failureOf(call).code()).isEqualTo(ImageGenerationException.UNAVAILABLE);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** The test server's settings with timeouts long enough that only the close ends a call. */
    private HttpImageGeneratorSettings patient() {
        return fastSettings(server)
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(90), Duration.ofSeconds(90));
    }
}
