package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo page's files, answered from memory (on the test classpath, its own index.html and app.js). */
class PageFilesTest {
    private final RunningServer server = new RunningServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void each_file_comes_with_its_media_type_a_strong_etag_and_revalidation() {
        RunningServer.Answer script = server.get("/app.js");
        RunningServer.Answer page = server.get("/index.html");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).isEqualTo("text/javascript;charset=utf-8");
        assertThat(script.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(script.header("ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(page.header("Content-Type")).isEqualTo("text/html;charset=utf-8");
        assertThat(page.header("ETag")).isNotEqualTo(script.header("ETag"));
    }

    @Test
    void the_root_is_the_index_page() {
        RunningServer.Answer root = server.get("/");
        RunningServer.Answer index = server.get("/index.html");

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.text()).isEqualTo(index.text()).contains("<html");
        assertThat(root.header("ETag")).isEqualTo(index.header("ETag"));
    }

    @Test
    void an_unchanged_file_is_not_sent_again() {
        String etag = server.get("/app.js").header("ETag");

        RunningServer.Answer same = server.get("/app.js", Duration.ofSeconds(10), "If-None-Match", etag);
        RunningServer.Answer weakInAList =
                server.get("/app.js", Duration.ofSeconds(10), "If-None-Match", "\"other\", W/" + etag);
        RunningServer.Answer other = server.get("/app.js", Duration.ofSeconds(10), "If-None-Match", "\"other\"");

        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.header("ETag")).isEqualTo(etag);
        assertThat(weakInAList.status()).isEqualTo(304);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.text()).contains("console.log");
    }

    @Test
    void head_answers_the_headers_without_the_body() {
        RunningServer.Answer head = server.send(
                HttpRequest.newBuilder(server.uri("/app.js")).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                "HEAD");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("ETag")).isEqualTo(server.get("/app.js").header("ETag"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void a_file_the_page_does_not_have_is_a_json_404() {
        RunningServer.Answer missing = server.get("/favicon.ico");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).isEqualTo(Json.MEDIA_TYPE);
    }

    @Test
    void if_none_match_follows_the_weak_comparison() {
        assertThat(PageFiles.matches(null, "\"a\"")).isFalse();
        assertThat(PageFiles.matches("*", "\"a\"")).isTrue();
        assertThat(PageFiles.matches("W/\"a\"", "\"a\"")).isTrue();
        assertThat(PageFiles.matches(" \"b\" , \"a\" ", "\"a\"")).isTrue();
        assertThat(PageFiles.matches("\"ab\"", "\"a\"")).isFalse();
        assertThat(PageFiles.matches("a", "\"a\"")).isFalse();
    }

    @Test
    void every_file_of_the_services_page_is_one_it_serves() throws IOException {
        // a file added to the page's folder must be added to PageFiles too, or the page would miss it
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/web"))) {
            List<String> names =
                    files.map(file -> file.getFileName().toString()).toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(PageFiles.MEDIA_TYPES.keySet());
        }
    }
}
