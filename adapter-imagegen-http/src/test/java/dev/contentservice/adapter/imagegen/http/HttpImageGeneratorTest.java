package dev.contentservice.adapter.imagegen.http;

import static dev.contentservice.adapter.imagegen.http.TestImages.KEY;
import static dev.contentservice.adapter.imagegen.http.TestImages.b64Answer;
import static dev.contentservice.adapter.imagegen.http.TestImages.fastSettings;
import static dev.contentservice.adapter.imagegen.http.TestImages.imageFile;
import static dev.contentservice.adapter.imagegen.http.TestImages.json;
import static dev.contentservice.adapter.imagegen.http.TestImages.png;
import static dev.contentservice.adapter.imagegen.http.TestImages.request;
import static dev.contentservice.adapter.imagegen.http.TestImages.status;
import static dev.contentservice.adapter.imagegen.http.TestImages.urlAnswer;
import static dev.contentservice.adapter.imagegen.http.Waiting.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageRequest;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.contract.Fixtures;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpImageGeneratorTest {
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

    private HttpImageGenerator generator() {
        return generator(fastSettings(server));
    }

    private static GeneratedImage await(CompletableFuture<GeneratedImage> future) throws Exception {
        return future.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void b64_answer_becomes_the_exact_bytes_the_provider_sent() throws Exception {
        byte[] drawn = png(Color.PINK);
        server.enqueue(b64Answer(drawn));

        GeneratedImage image = await(generator().generate(request()));

        assertThat(image.bytes()).isEqualTo(drawn);
        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(image.generator()).isEqualTo("http:gpt-image-1");
        RecordedRequest post = server.takeRequest();
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getUrl().encodedPath()).isEqualTo("/v1/images/generations");
    }

    @Test
    void url_answer_is_downloaded_at_once_without_the_api_key() throws Exception {
        byte[] drawn = TestImages.jpeg(Color.ORANGE);
        server.enqueue(urlAnswer(server.url("/files/image-1.jpg").toString()));
        server.enqueue(imageFile(drawn, "image/jpeg"));

        GeneratedImage image = await(generator().generate(request()));

        assertThat(image.bytes()).isEqualTo(drawn);
        assertThat(image.mediaType()).isEqualTo("image/jpeg");
        RecordedRequest post = server.takeRequest();
        RecordedRequest download = server.takeRequest();
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(download.getMethod()).isEqualTo("GET");
        assertThat(download.getUrl().encodedPath()).isEqualTo("/files/image-1.jpg");
        assertThat(download.getHeaders().get("Authorization")).isNull();
        assertThat(download.getHeaders().toString()).doesNotContain(KEY);
    }

    @Test
    void webp_images_are_recognised_by_their_magic_number() throws Exception {
        server.enqueue(b64Answer(TestImages.webp()));

        GeneratedImage image = await(generator().generate(request()));

        assertThat(image.mediaType()).isEqualTo("image/webp");
    }

    @Test
    void three_styles_are_in_flight_at_once_before_any_is_answered() throws Exception {
        CountDownLatch allArrived = new CountDownLatch(3);
        AtomicInteger inFlightWhenAnswering = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                allArrived.countDown();
                if (allArrived.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    inFlightWhenAnswering.incrementAndGet();
                    return b64Answer(png(Color.GREEN));
                }
                return status(500);
            }
        });
        HttpImageGenerator generator =
                generator(fastSettings(server).withRetries(0, Duration.ofMillis(10), Duration.ofMillis(10)));

        List<CompletableFuture<GeneratedImage>> futures = new ArrayList<>();
        for (ImageStyle style : ImageStyle.values()) {
            futures.add(generator.generate(request(style, Duration.ofSeconds(20))));
        }

        for (CompletableFuture<GeneratedImage> future : futures) {
            assertThat(await(future).mediaType()).isEqualTo("image/png");
        }
        assertThat(inFlightWhenAnswering).hasValue(3);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void a_server_error_is_absorbed_by_a_retry() throws Exception {
        byte[] drawn = png(Color.BLUE);
        server.enqueue(status(500));
        server.enqueue(b64Answer(drawn));

        GeneratedImage image = await(generator().generate(request()));

        assertThat(image.bytes()).isEqualTo(drawn);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void two_server_errors_are_absorbed_by_retries() throws Exception {
        server.enqueue(status(502));
        server.enqueue(status(503));
        server.enqueue(b64Answer(png(Color.BLUE)));

        GeneratedImage image = await(generator().generate(request()));

        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void rate_limit_waits_the_seconds_that_retry_after_asks_for() throws Exception {
        server.enqueue(new MockResponse.Builder(status(429))
                .setHeader("Retry-After", "1")
                .build());
        server.enqueue(b64Answer(png(Color.RED)));
        long[] arrivals = recordArrivals();

        GeneratedImage image = await(generator().generate(request()));

        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(Duration.ofNanos(arrivals[1] - arrivals[0])).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void rate_limit_waits_until_the_http_date_that_retry_after_names() throws Exception {
        Instant retryAt = Instant.now().plusSeconds(2);
        String httpDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt.atOffset(ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder(status(429))
                .setHeader("Retry-After", httpDate)
                .build());
        server.enqueue(b64Answer(png(Color.RED)));
        long[] arrivals = recordArrivals();

        GeneratedImage image = await(generator().generate(request()));

        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(server.getRequestCount()).isEqualTo(2);
        // the date has whole seconds: the retry comes at least one second after the refusal
        assertThat(Duration.ofNanos(arrivals[1] - arrivals[0])).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void retry_after_beyond_the_deadline_fails_at_once_as_unavailable() {
        server.enqueue(new MockResponse.Builder(status(429))
                .setHeader("Retry-After", "120")
                .build());

        ImageGenerationException failure =
                failureOf(generator().generate(request(ImageStyle.FANCY, Duration.ofSeconds(5))));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.UNAVAILABLE);
        assertThat(failure.getMessage()).contains("429");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** Replaces the queue with one that notes when each request arrived (System.nanoTime). */
    private long[] recordArrivals() {
        long[] arrivals = new long[8];
        AtomicInteger index = new AtomicInteger();
        Dispatcher queue = server.getDispatcher();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrivals[index.getAndIncrement()] = System.nanoTime();
                return queue.dispatch(request);
            }
        });
        return arrivals;
    }

    @Test
    void a_provider_that_stays_silent_ends_in_a_timeout_after_retries() {
        server.enqueue(new MockResponse.Builder(b64Answer(png(Color.GRAY)))
                .headersDelay(3, TimeUnit.SECONDS)
                .build());
        server.enqueue(new MockResponse.Builder(b64Answer(png(Color.GRAY)))
                .headersDelay(3, TimeUnit.SECONDS)
                .build());
        HttpImageGenerator generator = generator(fastSettings(server)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(2))
                .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10)));

        ImageGenerationException failure = failureOf(generator.generate(request()));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.TIMEOUT);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a_read_timeout_is_retried() throws Exception {
        server.enqueue(new MockResponse.Builder(b64Answer(png(Color.GRAY)))
                .headersDelay(3, TimeUnit.SECONDS)
                .build());
        server.enqueue(b64Answer(png(Color.GRAY)));
        HttpImageGenerator generator = generator(fastSettings(server)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(2)));

        GeneratedImage image = await(generator.generate(request()));

        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{not json",
                "<html><body>Bad gateway, but with a 200</body></html>",
                "",
                "[]",
                "{\"created\":1713833628}",
                "{\"created\":1713833628,\"data\":[]}",
                "{\"created\":1713833628,\"data\":[{}]}",
                "{\"created\":1713833628,\"data\":[{\"b64_json\":\"%%% not base64 %%%\"}]}",
                "{\"created\":1713833628,\"data\":[{\"b64_json\":\"aGVsbG8sIEkgYW0gbm90IGFuIGltYWdl\"}]}",
                "{\"created\":1713833628,\"data\":[{\"url\":\"ftp://example.com/image.png\"}]}"
            })
    void an_answer_that_is_not_a_usable_image_is_a_bad_response_without_retry(String body) {
        server.enqueue(json(200, body));

        ImageGenerationException failure = failureOf(generator().generate(request()));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.BAD_RESPONSE);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_downloaded_file_that_is_not_an_image_is_a_bad_response() {
        server.enqueue(urlAnswer(server.url("/files/image-1.png").toString()));
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("<html>login page</html>")
                .build());

        ImageGenerationException failure = failureOf(generator().generate(request()));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.BAD_RESPONSE);
    }

    @Test
    void an_expired_image_url_is_a_bad_response() {
        server.enqueue(urlAnswer(server.url("/files/image-1.png").toString()));
        server.enqueue(new MockResponse.Builder().code(403).body("expired").build());

        ImageGenerationException failure = failureOf(generator().generate(request()));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.BAD_RESPONSE);
        assertThat(failure.getMessage()).contains("403");
    }

    @Test
    void a_connection_reset_is_retried() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(b64Answer(png(Color.CYAN)));

        GeneratedImage image = await(generator().generate(request()));

        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a_content_policy_refusal_is_rejected_never_retried_and_its_words_stay_out_of_the_message() {
        server.enqueue(json(
                400,
                "{\"error\":{\"message\":\"Your request was rejected as a result of our safety system.\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"content_policy_violation\"}}"));

        ImageGenerationException failure = failureOf(generator().generate(request()));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.REJECTED);
        assertThat(failure.getMessage()).contains("HTTP 400").doesNotContain("safety system");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_refused_key_is_rejected_without_quoting_the_key() {
        server.enqueue(json(
                401,
                "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ".\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));

        ImageGenerationException failure = failureOf(generator().generate(request()));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.REJECTED);
        assertThat(failure.getMessage())
                .contains("HTTP 401")
                .doesNotContain(KEY)
                .doesNotContain("sk-");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_refusal_that_echoes_the_key_is_reported_without_it() {
        server.enqueue(json(
                400,
                "{\"error\":{\"message\":\"bad request from " + KEY + "\",\"type\":\"invalid_request_error\","
                        + "\"param\":null,\"code\":null}}"));

        ImageGenerationException failure = failureOf(generator().generate(request()));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.REJECTED);
        assertThat(failure.getMessage()).contains("HTTP 400").doesNotContain(KEY);
    }

    @Test
    void a_provider_that_always_fails_ends_the_request_by_its_deadline() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return status(503);
            }
        });
        HttpImageGenerator generator = generator(fastSettings(server)
                .withRetries(20, Duration.ofMillis(100), Duration.ofMillis(300))
                .withDeadlineMargin(Duration.ZERO));
        ImageRequest request = request(ImageStyle.TRENDY, Duration.ofMillis(1500));

        CompletableFuture<GeneratedImage> future = generator.generate(request);
        ImageGenerationException failure = failureOf(future);

        assertThat(failure.code()).isIn(ImageGenerationException.UNAVAILABLE, ImageGenerationException.TIMEOUT);
        int requestsAtTheEnd = server.getRequestCount();
        assertThat(requestsAtTheEnd).isGreaterThan(1);
        Thread.sleep(400);
        assertThat(server.getRequestCount()).as("no retry after the end").isEqualTo(requestsAtTheEnd);
    }

    @Test
    void a_request_whose_deadline_has_passed_never_reaches_the_provider() {
        ImageGenerationException failure =
                failureOf(generator().generate(request(ImageStyle.SIMPLE, Duration.ofSeconds(-1))));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.TIMEOUT);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void no_more_than_the_allowed_calls_are_in_flight_and_the_rest_wait_their_turn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                release.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
                inFlight.decrementAndGet();
                return b64Answer(png(Color.YELLOW));
            }
        });
        HttpImageGenerator generator = generator(fastSettings(server).withMaxConcurrentCalls(2));

        List<CompletableFuture<GeneratedImage>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            futures.add(generator.generate(request()));
        }
        assertThat(Fixtures.eventually(Duration.ofSeconds(20), () -> server.getRequestCount() == 2))
                .isTrue();
        release.countDown();

        for (CompletableFuture<GeneratedImage> future : futures) {
            assertThat(await(future).mediaType()).isEqualTo("image/png");
        }
        assertThat(mostInFlight).hasValue(2);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void cancelling_a_waiting_call_frees_its_slot_for_the_next_one() throws Exception {
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger seen = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (seen.incrementAndGet() == 1) {
                    firstArrived.countDown();
                    releaseFirst.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
                }
                return b64Answer(png(Color.WHITE));
            }
        });
        HttpImageGenerator generator = generator(fastSettings(server)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(9))
                .withMaxConcurrentCalls(1));
        CompletableFuture<GeneratedImage> first = generator.generate(request());
        assertThat(firstArrived.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();

        first.cancel(true);
        CompletableFuture<GeneratedImage> second = generator.generate(request());

        assertThat(await(second).mediaType()).isEqualTo("image/png");
        assertThat(first).isCancelled();
        releaseFirst.countDown();
    }

    @Test
    void an_answer_larger_than_allowed_is_a_bad_response() {
        byte[] big = new byte[4096];
        big[0] = (byte) 0x89;
        server.enqueue(b64Answer(big));
        HttpImageGenerator generator = generator(fastSettings(server).withMaxResponseBytes(2048));

        ImageGenerationException failure = failureOf(generator.generate(request()));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.BAD_RESPONSE);
        assertThat(failure.getMessage()).contains("larger than");
    }

    @Test
    void an_unreachable_provider_is_unavailable() {
        String url = server.url("/v1").toString();
        server.close();
        HttpImageGenerator generator =
                generator(HttpImageGeneratorSettings.of(java.net.URI.create(url), java.util.Optional.of(KEY))
                        .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10))
                        .withDeadlineMargin(Duration.ZERO));

        ImageGenerationException failure = failureOf(generator.generate(request()));

        assertThat(failure.code()).isEqualTo(ImageGenerationException.UNAVAILABLE);
        assertThat(failure.getMessage()).contains("could not reach");
    }

    @Test
    void the_b64_bytes_are_decoded_exactly() {
        byte[] drawn = png(Color.BLACK);

        ImageProtocol.Step step = new OpenAiProtocol(fastSettings(server).provider(), 1 << 20)
                .read(("{\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(drawn) + "\"}]}").getBytes());

        assertThat(step)
                .isInstanceOfSatisfying(
                        ImageProtocol.Step.Image.class,
                        image -> assertThat(image.bytes()).isEqualTo(drawn));
    }
}
