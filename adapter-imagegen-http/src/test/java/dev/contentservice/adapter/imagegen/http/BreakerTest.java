package dev.contentservice.adapter.imagegen.http;

import static dev.contentservice.adapter.imagegen.http.TestImages.b64Answer;
import static dev.contentservice.adapter.imagegen.http.TestImages.fastSettings;
import static dev.contentservice.adapter.imagegen.http.TestImages.png;
import static dev.contentservice.adapter.imagegen.http.TestImages.request;
import static dev.contentservice.adapter.imagegen.http.TestImages.status;
import static dev.contentservice.adapter.imagegen.http.Waiting.eventually;
import static dev.contentservice.adapter.imagegen.http.Waiting.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageStyle;
import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The breaker judges calls, not attempts: blips that retries absorb never open it; a dead provider still does. */
class BreakerTest {
    private static final long PATIENCE_SECONDS = 10;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final List<HttpImageGenerator> generators = new ArrayList<>();

    @AfterEach
    void closeGenerators() {
        generators.forEach(HttpImageGenerator::close);
    }

    private HttpImageGenerator generator(HttpImageGeneratorSettings settings) {
        HttpImageGenerator generator = new HttpImageGenerator(settings);
        generators.add(generator);
        return generator;
    }

    /** Opens at 50 % of at least 3 calls; 3 calls let through half-open. */
    private HttpImageGeneratorSettings breakerSettings(int retries, Duration openDelay) {
        return fastSettings(server)
                .withRetries(retries, Duration.ofMillis(5), Duration.ofMillis(20))
                .withBreaker(new HttpImageGeneratorSettings.Breaker(50, 3, Duration.ofSeconds(60), openDelay, 3));
    }

    @Test
    void calls_saved_by_their_retries_never_open_the_breaker() throws Exception {
        HttpImageGenerator generator = generator(breakerSettings(2, Duration.ofSeconds(30)));
        // each of five calls meets two 500s before its image: ten failed attempts, no failed call
        for (int call = 0; call < 5; call++) {
            server.enqueue(status(500));
            server.enqueue(status(500));
            server.enqueue(b64Answer(png(Color.GREEN)));
            assertThat(generator
                            .generate(request())
                            .get(PATIENCE_SECONDS, TimeUnit.SECONDS)
                            .mediaType())
                    .isEqualTo("image/png");
        }

        ProviderState state = generator.state();
        assertThat(state.breaker()).isEqualTo("closed");
        assertThat(state.calls()).isEqualTo(5);
        assertThat(state.failedCalls()).isZero();
        assertThat(server.getRequestCount()).isEqualTo(15);
    }

    @Test
    void a_provider_that_keeps_failing_opens_the_breaker_and_the_next_call_fails_fast() {
        HttpImageGenerator generator = generator(breakerSettings(1, Duration.ofSeconds(30)));
        for (int i = 0; i < 6; i++) {
            server.enqueue(status(503));
        }
        for (int call = 0; call < 3; call++) {
            assertThat(failureOf(generator.generate(request())).code()).isEqualTo(ImageGenerationException.UNAVAILABLE);
        }
        int requestsBefore = server.getRequestCount();

        ImageGenerationException fastFailure = failureOf(generator.generate(request()));

        assertThat(fastFailure.code()).isEqualTo(ImageGenerationException.UNAVAILABLE);
        assertThat(fastFailure.getMessage()).contains("circuit is open");
        assertThat(server.getRequestCount()).isEqualTo(requestsBefore).isEqualTo(6);
        assertThat(generator.state().breaker()).isEqualTo("open");
        assertThat(generator.state().fastFailures()).isEqualTo(1);
    }

    @Test
    void half_open_lets_a_whole_jobs_three_calls_through_and_closes_when_they_succeed() throws Exception {
        HttpImageGenerator generator = generator(breakerSettings(0, Duration.ofMillis(300)));
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(500));
        }
        for (int call = 0; call < 3; call++) {
            failureOf(generator.generate(request()));
        }
        assertThat(generator.state().breaker()).isEqualTo("open");
        eventually(() -> generator.state().breaker().equals("half-open"));
        for (int i = 0; i < 3; i++) {
            server.enqueue(b64Answer(png(Color.MAGENTA)));
        }

        List<CompletableFuture<GeneratedImage>> job = new ArrayList<>();
        for (ImageStyle style : ImageStyle.values()) {
            job.add(generator.generate(request(style, Duration.ofSeconds(20))));
        }

        for (CompletableFuture<GeneratedImage> image : job) {
            assertThat(image.get(PATIENCE_SECONDS, TimeUnit.SECONDS).mediaType())
                    .isEqualTo("image/png");
        }
        assertThat(generator.state().breaker()).isEqualTo("closed");
    }

    @Test
    void a_request_that_dies_on_a_reused_connection_is_repeated_on_a_fresh_one_and_not_held_against_the_provider()
            throws Exception {
        // no retries at all: only the fresh-connection repeat can save the second call
        HttpImageGenerator generator = generator(breakerSettings(0, Duration.ofSeconds(30)));
        server.enqueue(b64Answer(png(Color.BLUE)));
        // the pooled connection dies before the provider answers (as after a provider restart)
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(b64Answer(png(Color.BLUE)));
        generator.generate(request()).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        GeneratedImage second = generator.generate(request()).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(second.mediaType()).isEqualTo("image/png");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(generator.state().freshConnectionRetries()).isEqualTo(1);
        assertThat(generator.state().failedCalls()).isZero();
    }

    @Test
    void a_job_whose_pooled_connections_all_died_and_that_then_meets_two_500s_still_gets_its_three_images()
            throws Exception {
        HttpImageGenerator generator = generator(breakerSettings(3, Duration.ofSeconds(30)));
        for (int i = 0; i < 3; i++) {
            server.enqueue(b64Answer(png(Color.BLUE)));
        }
        runJob(generator);
        // "the provider restarted": each pooled connection dies before answering, then two 500s
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .onResponseStart(new SocketEffect.CloseSocket())
                    .build());
        }
        server.enqueue(status(500));
        server.enqueue(status(500));
        for (int i = 0; i < 3; i++) {
            server.enqueue(b64Answer(png(Color.YELLOW)));
        }

        runJob(generator);

        assertThat(generator.state().failedCalls()).isZero();
        assertThat(generator.state().freshConnectionRetries()).isPositive();
        assertThat(generator.state().breaker()).isEqualTo("closed");
    }

    private static void runJob(HttpImageGenerator generator) throws Exception {
        List<CompletableFuture<GeneratedImage>> job = new ArrayList<>();
        for (ImageStyle style : ImageStyle.values()) {
            job.add(generator.generate(request(style, Duration.ofSeconds(20))));
        }
        for (CompletableFuture<GeneratedImage> image : job) {
            assertThat(image.get(PATIENCE_SECONDS, TimeUnit.SECONDS).mediaType())
                    .isEqualTo("image/png");
        }
    }
}
