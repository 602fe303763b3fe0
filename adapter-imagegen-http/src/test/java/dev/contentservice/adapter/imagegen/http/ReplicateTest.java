package dev.contentservice.adapter.imagegen.http;

import static dev.contentservice.adapter.imagegen.http.TestImages.KEY;
import static dev.contentservice.adapter.imagegen.http.TestImages.fastSettings;
import static dev.contentservice.adapter.imagegen.http.TestImages.imageFile;
import static dev.contentservice.adapter.imagegen.http.TestImages.json;
import static dev.contentservice.adapter.imagegen.http.TestImages.png;
import static dev.contentservice.adapter.imagegen.http.TestImages.request;
import static dev.contentservice.adapter.imagegen.http.Waiting.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageStyle;
import java.awt.Color;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replicate's predictions API against a stand-in that follows its OpenAPI description: create (201/202 with a
 * prediction), get, cancel; outputs as a URL or a list of URLs.
 */
class ReplicateTest {
    private static final long PATIENCE_SECONDS = 20;
    private static final String MODEL = "black-forest-labs/flux-schnell";
    private static final String CREATE_PATH = "/v1/models/black-forest-labs/flux-schnell/predictions";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final List<HttpImageGenerator> generators = new ArrayList<>();
    private final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void closeGenerators() {
        generators.forEach(HttpImageGenerator::close);
    }

    private HttpImageGenerator generator() {
        HttpImageGeneratorSettings settings = fastSettings(server)
                .withProvider(new ProviderSettings(
                        ProviderSettings.Protocol.REPLICATE,
                        URI.create(server.url("/v1").toString()),
                        Optional.of(KEY),
                        MODEL,
                        "1024x1024",
                        Optional.empty(),
                        true))
                .withPolling(new HttpImageGeneratorSettings.Polling(5, Duration.ofMillis(20), Duration.ofMillis(100)));
        HttpImageGenerator generator = new HttpImageGenerator(settings);
        generators.add(generator);
        return generator;
    }

    private String prediction(String id, String status, String output) {
        String base = server.url("/v1/predictions/" + id).toString();
        return "{\"id\":\"" + id + "\",\"model\":\"" + MODEL + "\",\"version\":\"hidden\",\"input\":{},"
                + "\"output\":" + output + ",\"data_removed\":false,\"error\":null,\"status\":\"" + status
                + "\",\"created_at\":\"2026-11-29T10:00:00Z\",\"urls\":{\"web\":\"https://replicate.com/p/" + id
                + "\",\"get\":\"" + base + "\",\"cancel\":\"" + base + "/cancel\"}}";
    }

    private String fileUrl(String id) {
        return "\"" + server.url("/files/" + id + ".png") + "\"";
    }

    /** Serves predictions: {@code answers} are the statuses returned to create, then to each get, in order. */
    private void serve(String... statuses) {
        AtomicInteger step = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                seen.add(request);
                String path = request.getUrl().encodedPath();
                if (path.startsWith("/files/")) {
                    return imageFile(png(Color.PINK), "image/png");
                }
                if (path.endsWith("/cancel")) {
                    return json(200, prediction("p1", "canceled", "null"));
                }
                int index = Math.min(step.getAndIncrement(), statuses.length - 1);
                String status = statuses[index];
                String output = status.equals("succeeded")
                        ? (index % 2 == 0 ? "[" + fileUrl("p1") + "]" : fileUrl("p1"))
                        : "null";
                String body = prediction("p1", status, output);
                if (status.equals("failed")) {
                    body = body.replace("\"error\":null", "\"error\":\"NSFW content detected for " + KEY + "\"");
                }
                int code = path.equals(CREATE_PATH) ? (status.equals("succeeded") ? 201 : 202) : 200;
                return json(code, body);
            }
        });
    }

    private List<RecordedRequest> requestsTo(String suffix) {
        return seen.stream()
                .filter(r -> r.getUrl().encodedPath().endsWith(suffix))
                .toList();
    }

    @Test
    void a_prediction_that_finishes_within_prefer_wait_is_downloaded_without_the_key() throws Exception {
        serve("succeeded");

        GeneratedImage image = generator().generate(request()).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(image.generator()).isEqualTo("replicate:" + MODEL);
        RecordedRequest create = seen.get(0);
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getUrl().encodedPath()).isEqualTo(CREATE_PATH);
        assertThat(create.getHeaders().get("Prefer")).isEqualTo("wait=5").matches("^wait(=([1-9]|[1-9][0-9]|60))?$");
        assertThat(create.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = mapper.readTree(create.getBody().utf8());
        assertThat(body.fieldNames()).toIterable().containsExactly("input");
        assertThat(body.get("input").get("prompt").asText()).isNotBlank();
        assertThat(body.get("input").get("aspect_ratio").asText()).isEqualTo("1:1");
        RecordedRequest download = requestsTo(".png").get(0);
        assertThat(download.getMethod()).isEqualTo("GET");
        assertThat(download.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void a_starting_prediction_is_polled_until_it_succeeds() throws Exception {
        serve("starting", "processing", "processing", "succeeded");

        GeneratedImage image = generator().generate(request()).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(image.mediaType()).isEqualTo("image/png");
        List<RecordedRequest> polls = requestsTo("/v1/predictions/p1");
        assertThat(polls).hasSize(3).allSatisfy(poll -> {
            assertThat(poll.getMethod()).isEqualTo("GET");
            assertThat(poll.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        });
        assertThat(requestsTo("/cancel")).isEmpty();
    }

    @Test
    void a_prediction_that_never_ends_is_canceled_at_the_provider_when_the_deadline_passes() throws Exception {
        serve("starting", "processing");

        Throwable thrown = catchThrowable(() -> generator()
                .generate(request(ImageStyle.FANCY, Duration.ofMillis(1500)))
                .get(PATIENCE_SECONDS, TimeUnit.SECONDS));

        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(((ImageGenerationException) thrown.getCause()).code()).isEqualTo(ImageGenerationException.TIMEOUT);
        eventually(() -> requestsTo("/v1/predictions/p1/cancel").size() == 1);
        RecordedRequest cancel = requestsTo("/cancel").get(0);
        assertThat(cancel.getMethod()).isEqualTo("POST");
        assertThat(cancel.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void a_prediction_given_up_by_the_job_is_canceled_at_the_provider() throws Exception {
        serve("starting", "processing");
        CompletableFuture<GeneratedImage> image = generator().generate(request());
        eventually(() -> !requestsTo("/v1/predictions/p1").isEmpty());

        image.cancel(true);

        eventually(() -> requestsTo("/v1/predictions/p1/cancel").size() == 1);
    }

    @Test
    void a_failed_prediction_fails_the_call_with_a_code_and_without_the_providers_words() {
        serve("failed");

        Throwable thrown =
                catchThrowable(() -> generator().generate(request()).get(PATIENCE_SECONDS, TimeUnit.SECONDS));

        ImageGenerationException failure = (ImageGenerationException) thrown.getCause();
        assertThat(failure.code()).isEqualTo(ImageGenerationException.REJECTED);
        assertThat(failure.getMessage()).doesNotContain("NSFW").doesNotContain(KEY);
    }

    @Test
    void a_429_on_create_goes_through_the_same_retries() throws Exception {
        AtomicInteger creates = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.startsWith("/files/")) {
                    return imageFile(png(Color.PINK), "image/png");
                }
                if (creates.getAndIncrement() == 0) {
                    return new MockResponse.Builder(json(429, "{\"detail\":\"Request was throttled.\"}"))
                            .setHeader("Retry-After", "0")
                            .build();
                }
                return json(201, prediction("p1", "succeeded", fileUrl("p1")));
            }
        });

        GeneratedImage image = generator().generate(request()).get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(creates.get()).isEqualTo(2);
    }

    @Test
    void sizes_become_replicate_aspect_ratios() {
        assertThat(ReplicateProtocol.aspectRatio("1024x1024")).isEqualTo("1:1");
        assertThat(ReplicateProtocol.aspectRatio("1536x1024")).isEqualTo("3:2");
        assertThat(ReplicateProtocol.aspectRatio("1080x1350")).isEqualTo("4:5");
        assertThat(ReplicateProtocol.aspectRatio("auto")).isEqualTo("1:1");
    }
}
