package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.domain.contract.Fixtures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's flow with CONTENT_IMAGEGEN_PROTOCOL=replicate against a stand-in that follows Replicate's
 * predictions API: three predictions in parallel, polled until they succeed, the outputs copied so that the
 * images are served from this service after the provider is gone.
 */
class ReplicateFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String KEY = "r8_test_never_shown_0123456789";

    private final MockWebServer replicate = new MockWebServer();
    private final AtomicInteger created = new AtomicInteger();
    private final byte[] png = png();
    private ContentService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        replicate.close();
    }

    private String prediction(String id, String status) {
        String output = status.equals("succeeded") ? "[\"" + replicate.url("/files/" + id + ".png") + "\"]" : "null";
        String self = replicate.url("/v1/predictions/" + id).toString();
        return "{\"id\":\"" + id + "\",\"model\":\"black-forest-labs/flux-schnell\",\"version\":\"hidden\","
                + "\"input\":{},\"output\":" + output + ",\"data_removed\":false,\"error\":null,\"status\":\""
                + status + "\",\"created_at\":\"2026-11-29T10:00:00Z\",\"urls\":{\"web\":\"https://replicate.com/p/"
                + id + "\",\"get\":\"" + self + "\",\"cancel\":\"" + self + "/cancel\"}}";
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    @Test
    void three_predictions_run_in_parallel_and_the_images_outlive_the_provider() throws Exception {
        replicate.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.startsWith("/files/")) {
                    return new MockResponse.Builder()
                            .code(200)
                            .setHeader("Content-Type", "image/png")
                            .body(new Buffer().write(png))
                            .build();
                }
                if (path.equals("/v1/models/black-forest-labs/flux-schnell/predictions")) {
                    return json(202, prediction("p" + created.incrementAndGet(), "starting"));
                }
                String id = path.substring(path.lastIndexOf('/') + 1);
                // nothing finishes until all three predictions were created: they run in parallel
                return json(200, prediction(id, created.get() >= 3 ? "succeeded" : "processing"));
            }
        });
        replicate.start();
        service = ContentService.start(ContentConfig.fromEnvironment(
                Map.of(
                        "CONTENT_HTTP_PORT", "0",
                        "CONTENT_IMAGEGEN_PROTOCOL", "replicate",
                        "CONTENT_IMAGEGEN_TEXT", "provider", // the provider's images byte for byte
                        "CONTENT_IMAGEGEN_URL", replicate.url("/v1").toString(),
                        "CONTENT_IMAGEGEN_API_KEY", KEY,
                        "CONTENT_IMAGEGEN_ALLOW_PRIVATE_URLS", "true"),
                new Properties()));

        HttpResponse<String> accepted = CLIENT.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/content/images/sample-1/generate"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String jobId = JSON.readTree(accepted.body()).get("jobId").asText();
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Fixtures.eventually(Duration.ofSeconds(60), () -> {
            try {
                last.set(JSON.readTree(CLIENT.send(
                                HttpRequest.newBuilder(URI.create(
                                                service.baseUrl() + "/api/content/jobs/" + jobId + "/status"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body()));
                return !last.get().get("status").asText().equals("PROCESSING");
            } catch (Exception e) {
                return false;
            }
        });
        replicate.close();

        JsonNode done = last.get();
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("generator").asText()).isEqualTo("replicate:black-forest-labs/flux-schnell");
        assertThat(created.get()).isEqualTo(3);
        for (String style : new String[] {"simple", "fancy", "trendy"}) {
            String url = done.get("imageUrls").get(style).asText();
            assertThat(url).startsWith(service.baseUrl());
            HttpResponse<byte[]> image = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.body()).isEqualTo(png);
        }
        assertThat(done.toString()).doesNotContain(KEY);
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.PINK);
        g.fillRect(0, 0, 8, 8);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
