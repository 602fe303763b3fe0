package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.contract.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default with CONTENT_IMAGE_STORE=filesystem: the images are files, served by the file route. */
class FileSystemStoreServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    private ContentService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private HttpResponse<byte[]> send(String method, String url) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(url))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void the_three_images_are_files_in_the_folder_byte_identical_to_what_their_urls_serve() throws Exception {
        Path images = folder.resolve("images");
        service = ContentService.start(ContentConfig.fromEnvironment(
                Map.of(
                        "CONTENT_HTTP_PORT", "0",
                        "CONTENT_IMAGE_STORE", "filesystem",
                        "CONTENT_IMAGE_DIR", images.toString()),
                new Properties()));
        String jobId = JSON.readTree(send("POST", service.baseUrl() + "/api/content/images/sample-1/generate")
                        .body())
                .get("jobId")
                .asText();
        JsonNode[] status = new JsonNode[1];

        assertThat(Fixtures.eventually(Duration.ofSeconds(60), () -> {
                    try {
                        status[0] =
                                JSON.readTree(send("GET", service.baseUrl() + "/api/content/jobs/" + jobId + "/status")
                                        .body());
                        return status[0].path("status").asText().equals("COMPLETED");
                    } catch (Exception e) {
                        return false;
                    }
                }))
                .isTrue();
        for (ImageStyle style : ImageStyle.values()) {
            String url = status[0].path("imageUrls").path(style.key()).asText();
            String name = url.substring(url.lastIndexOf('/') + 1);
            assertThat(send("GET", url).body()).isEqualTo(Files.readAllBytes(images.resolve(name)));
        }
        JsonNode ready =
                JSON.readTree(send("GET", service.baseUrl() + "/health/ready").body());
        assertThat(ready.path("components").path("images").asText()).isEqualTo("UP");
    }
}
