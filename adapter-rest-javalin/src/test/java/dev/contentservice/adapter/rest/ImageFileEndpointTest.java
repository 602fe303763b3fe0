package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImageFileEndpointTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};

    private final RunningServer server = new RunningServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private ImageFileName stored(ImageFormat format, byte[] bytes) {
        ImageFileName name = ImageFileName.of(JobId.random(), ImageStyle.FANCY, format);
        server.images.put(name, new GeneratedImage(bytes, format.mediaType(), "local"));
        return name;
    }

    @Test
    void hosted_image_is_served_with_its_type_and_long_cache() {
        ImageFileName name = stored(ImageFormat.PNG, PNG);

        RunningServer.Answer answer = server.get("/api/content/images/files/" + name);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(PNG);
        assertThat(answer.header("Content-Type")).isEqualTo("image/png");
        assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=604800, immutable");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void jpeg_image_is_served_as_jpeg() {
        ImageFileName name = stored(ImageFormat.JPEG, new byte[] {(byte) 0xff, (byte) 0xd8, 1});

        RunningServer.Answer answer = server.get("/api/content/images/files/" + name);

        assertThat(answer.header("Content-Type")).isEqualTo("image/jpeg");
    }

    @Test
    void head_of_hosted_image_gives_headers_without_body() {
        ImageFileName name = stored(ImageFormat.PNG, PNG);

        RunningServer.Answer answer =
                server.send("HEAD", "/api/content/images/files/" + name, HttpRequest.BodyPublishers.noBody());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("image/png");
        assertThat(answer.header("Content-Length")).isEqualTo(Integer.toString(PNG.length));
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void missing_image_is_answered_with_404_json() {
        RunningServer.Answer answer = server.get("/api/content/images/files/" + JobId.random() + "-simple.png");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).isEqualTo("{\"code\":\"IMAGE_001\",\"message\":\"이미지를 찾을 수 없습니다\"}");
    }

    @Test
    void head_of_missing_image_is_404() {
        RunningServer.Answer answer = server.send(
                "HEAD",
                "/api/content/images/files/" + JobId.random() + "-simple.png",
                HttpRequest.BodyPublishers.noBody());

        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void invalid_names_are_answered_with_404_json() {
        for (String name : new String[] {
            "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2fpom.xml", "Upper.PNG", "a.gif", "x.png%00.txt", ".png", "a..png"
        }) {
            RunningServer.Answer answer = server.get("/api/content/images/files/" + name);

            assertThat(answer.status()).as(name).isIn(400, 404);
            assertThat(answer.json()).as(name).containsKeys("code", "message");
        }
    }

    @Test
    void path_traversal_never_reaches_the_file_system() {
        RunningServer.Answer answer = server.raw("GET /api/content/images/files/../../../../etc/passwd HTTP/1.1");

        assertThat(answer.status()).isIn(400, 404);
        assertThat(answer.text()).doesNotContain("root:");
        assertThat(answer.json()).containsKeys("code", "message");
    }
}
