package dev.contentservice.adapter.imagegen.http;

import static dev.contentservice.adapter.imagegen.http.TestImages.b64Answer;
import static dev.contentservice.adapter.imagegen.http.TestImages.fastSettings;
import static dev.contentservice.adapter.imagegen.http.TestImages.png;
import static dev.contentservice.adapter.imagegen.http.TestImages.request;
import static dev.contentservice.adapter.imagegen.http.TestImages.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ProviderBudget;
import dev.contentservice.domain.ProviderCallMetrics;
import dev.contentservice.domain.ProviderCallMetrics.Outcome;
import java.awt.Color;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Every attempt, retry and fast failure reaches the provider call metrics, with the outcome it had. */
class CallMetricsTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final List<Outcome> finished = new CopyOnWriteArrayList<>();
    private final List<Duration> latencies = new CopyOnWriteArrayList<>();
    private final List<Outcome> retried = new CopyOnWriteArrayList<>();

    private final ProviderCallMetrics recording = new ProviderCallMetrics() {
        @Override
        public void callFinished(Outcome outcome, Duration latency) {
            finished.add(outcome);
            latencies.add(latency);
        }

        @Override
        public void retryScheduled(Outcome after) {
            retried.add(after);
        }
    };

    private HttpImageGenerator generator(HttpImageGeneratorSettings settings) {
        return new HttpImageGenerator(settings, Clock.systemUTC(), ProviderBudget.unlimited(), recording);
    }

    @Test
    void a_500_then_an_image_is_one_unavailable_attempt_one_retry_and_one_success() throws Exception {
        server.enqueue(status(500));
        server.enqueue(b64Answer(png(Color.GREEN)));
        try (HttpImageGenerator generator =
                generator(fastSettings(server).withRetries(2, Duration.ofMillis(5), Duration.ofMillis(20)))) {

            generator.generate(request()).get(10, TimeUnit.SECONDS);

            assertThat(finished).containsExactly(Outcome.UNAVAILABLE, Outcome.SUCCESS);
            assertThat(retried).containsExactly(Outcome.UNAVAILABLE);
            assertThat(latencies).allSatisfy(latency -> assertThat(latency).isPositive());
        }
    }

    @Test
    void a_refusal_is_one_rejected_attempt_and_no_retry() {
        server.enqueue(status(400));
        try (HttpImageGenerator generator = generator(fastSettings(server))) {

            Throwable thrown =
                    catchThrowable(() -> generator.generate(request()).get(10, TimeUnit.SECONDS));

            assertThat(thrown).isInstanceOf(ExecutionException.class);
            assertThat(((ImageGenerationException) thrown.getCause()).code())
                    .isEqualTo(ImageGenerationException.REJECTED);
            assertThat(finished).containsExactly(Outcome.REJECTED);
            assertThat(retried).isEmpty();
        }
    }

    @Test
    void a_call_failed_fast_by_the_open_breaker_is_counted_as_short_circuited() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(503));
        }
        try (HttpImageGenerator generator = generator(fastSettings(server)
                .withRetries(0, Duration.ofMillis(5), Duration.ofMillis(20))
                .withBreaker(new HttpImageGeneratorSettings.Breaker(
                        50, 3, Duration.ofSeconds(60), Duration.ofMinutes(5), 3)))) {
            for (int call = 0; call < 3; call++) {
                catchThrowable(() -> generator.generate(request()).get(10, TimeUnit.SECONDS));
            }

            catchThrowable(() -> generator.generate(request()).get(10, TimeUnit.SECONDS));

            assertThat(finished)
                    .containsExactly(
                            Outcome.UNAVAILABLE, Outcome.UNAVAILABLE, Outcome.UNAVAILABLE, Outcome.SHORT_CIRCUITED);
        }
    }
}
