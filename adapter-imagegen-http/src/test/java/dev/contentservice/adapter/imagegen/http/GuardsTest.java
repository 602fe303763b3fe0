package dev.contentservice.adapter.imagegen.http;

import static dev.contentservice.adapter.imagegen.http.TestImages.KEY;
import static dev.contentservice.adapter.imagegen.http.TestImages.b64Answer;
import static dev.contentservice.adapter.imagegen.http.TestImages.fastSettings;
import static dev.contentservice.adapter.imagegen.http.TestImages.imageFile;
import static dev.contentservice.adapter.imagegen.http.TestImages.png;
import static dev.contentservice.adapter.imagegen.http.TestImages.request;
import static dev.contentservice.adapter.imagegen.http.TestImages.status;
import static dev.contentservice.adapter.imagegen.http.TestImages.urlAnswer;
import static dev.contentservice.adapter.imagegen.http.Waiting.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ProviderBudget;
import java.awt.Color;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input from a provider ends the call with a clear code; nothing it says reaches past the log. */
class GuardsTest {
    private static final long PATIENCE_SECONDS = 20;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final List<HttpImageGenerator> generators = new ArrayList<>();
    private final CapturedLogs logs = new CapturedLogs();

    @BeforeEach
    void captureLogs() {
        logs.attach();
    }

    @AfterEach
    void closeGenerators() {
        logs.detach();
        generators.forEach(HttpImageGenerator::close);
    }

    private HttpImageGenerator generator(HttpImageGeneratorSettings settings) {
        return generator(settings, ProviderBudget.unlimited());
    }

    private HttpImageGenerator generator(HttpImageGeneratorSettings settings, ProviderBudget budget) {
        HttpImageGenerator generator = new HttpImageGenerator(settings, Clock.systemUTC(), budget);
        generators.add(generator);
        return generator;
    }

    /** A budget of the test's own: no pause unless the test says so. */
    private abstract static class TestBudget implements ProviderBudget {
        @Override
        public CompletableFuture<Duration> pauseLeft() {
            return CompletableFuture.completedFuture(Duration.ZERO);
        }
    }

    /** The provider at "localhost", private downloads not allowed. */
    private HttpImageGeneratorSettings guarded() {
        URI base = URI.create("http://localhost:" + server.getPort() + "/v1");
        return fastSettings(server).withProvider(ProviderSettings.openAi(base, Optional.of(KEY)));
    }

    /** A PNG signature and an IHDR that declares width × height, padded to {@code size} bytes. */
    private static byte[] pngHeader(int width, int height, int size) {
        ByteBuffer bytes = ByteBuffer.allocate(size);
        bytes.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        bytes.putInt(13).put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height);
        return bytes.array();
    }

    @Test
    void an_image_url_on_a_loopback_address_is_refused_without_being_fetched() {
        server.enqueue(urlAnswer("http://127.0.0.1:" + server.getPort() + "/files/secret.png"));
        server.enqueue(imageFile(png(Color.RED), "image/png"));

        ImageGenerationException failure = failureOf(generator(guarded()).generate(request()));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.BAD_RESPONSE);
        assertThat(failure.getMessage()).contains("internal address");
        assertThat(server.getRequestCount()).as("only the generation request").isEqualTo(1);
    }

    @Test
    void a_download_redirected_to_a_private_address_is_refused() {
        server.enqueue(urlAnswer("http://localhost:" + server.getPort() + "/files/moved.png"));
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", "http://127.0.0.1:" + server.getPort() + "/files/secret.png")
                .build());
        server.enqueue(imageFile(png(Color.RED), "image/png"));

        ImageGenerationException failure = failureOf(generator(guarded()).generate(request()));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.BAD_RESPONSE);
        assertThat(server.getRequestCount())
                .as("generation and the redirect, never the target")
                .isEqualTo(2);
    }

    @Test
    void an_image_url_on_the_providers_own_host_is_fetched_without_the_key() throws Exception {
        server.enqueue(urlAnswer("http://localhost:" + server.getPort() + "/files/ok.png"));
        server.enqueue(imageFile(png(Color.RED), "image/png"));

        GeneratedImage image = generator(guarded()).generate(request()).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(image.mediaType()).isEqualTo("image/png");
        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void an_image_that_declares_too_many_pixels_is_refused_unread() {
        server.enqueue(b64Answer(pngHeader(100_000, 100_000, 64)));

        ImageGenerationException failure =
                failureOf(generator(fastSettings(server)).generate(request()));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.BAD_RESPONSE);
        assertThat(failure.getMessage()).contains("pixels");
    }

    @Test
    void a_base64_answer_beyond_jacksons_default_string_limit_is_accepted_up_to_the_documented_size() throws Exception {
        // 16 MB of image: about 21.4 million base64 characters, above Jackson's default 20 million
        byte[] big = pngHeader(4000, 4000, 16 * 1024 * 1024);
        server.enqueue(b64Answer(big));

        GeneratedImage image =
                generator(fastSettings(server)).generate(request()).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(image.bytes()).hasSize(big.length);
    }

    @Test
    void an_error_thrown_on_the_calls_path_ends_the_call_at_once_with_a_code_and_a_log_line() {
        ProviderBudget exploding = new TestBudget() {
            @Override
            public CompletableFuture<Optional<Duration>> reserve(Duration maxWait) {
                throw new OutOfMemoryError("Java heap space");
            }

            @Override
            public CompletableFuture<Void> pauseUntil(Instant until) {
                return CompletableFuture.completedFuture(null);
            }
        };

        ImageGenerationException failure =
                failureOf(generator(fastSettings(server), exploding).generate(request()));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.INTERNAL);
        assertThat(failure.getMessage()).contains("out of memory");
        assertThat(logs.events())
                .anyMatch(event -> event.getLevel().toString().equals("ERROR")
                        && event.getFormattedMessage().contains("OutOfMemoryError"));
    }

    @Test
    void a_429_with_retry_after_pauses_the_shared_budget_for_everyone() throws Exception {
        List<Instant> pauses = new CopyOnWriteArrayList<>();
        ProviderBudget recording = new TestBudget() {
            @Override
            public CompletableFuture<Optional<Duration>> reserve(Duration maxWait) {
                return CompletableFuture.completedFuture(Optional.of(Duration.ZERO));
            }

            @Override
            public CompletableFuture<Void> pauseUntil(Instant until) {
                pauses.add(until);
                return CompletableFuture.completedFuture(null);
            }
        };
        server.enqueue(new MockResponse.Builder(status(429))
                .setHeader("Retry-After", "1")
                .build());
        server.enqueue(b64Answer(png(Color.ORANGE)));
        Instant before = Instant.now();

        generator(fastSettings(server), recording).generate(request()).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(pauses).hasSize(1);
        assertThat(pauses.get(0)).isAfterOrEqualTo(before.plusSeconds(1));
    }

    @Test
    void a_budget_with_no_slot_before_the_deadline_ends_the_call_as_a_timeout_without_calling() {
        ProviderBudget full = new TestBudget() {
            @Override
            public CompletableFuture<Optional<Duration>> reserve(Duration maxWait) {
                return CompletableFuture.completedFuture(Optional.empty());
            }

            @Override
            public CompletableFuture<Void> pauseUntil(Instant until) {
                return CompletableFuture.completedFuture(null);
            }
        };

        ImageGenerationException failure =
                failureOf(generator(fastSettings(server), full).generate(request()));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.TIMEOUT);
        assertThat(server.getRequestCount()).isZero();
    }
}
