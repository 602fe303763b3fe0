package dev.contentservice.adapter.imagegen.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request bodies we send use only fields of OpenAI's {@code CreateImageRequest} schema, with values the
 * schema allows for the model. The constants below are carried over from the official OpenAPI description.
 */
class RequestSchemaTest {
    /** {@code CreateImageRequest.properties}. */
    private static final Set<String> SCHEMA_FIELDS = Set.of(
            "prompt",
            "model",
            "n",
            "quality",
            "response_format",
            "output_format",
            "output_compression",
            "stream",
            "partial_images",
            "size",
            "moderation",
            "background",
            "style",
            "user");
    /** {@code CreateImageRequest.required}. */
    private static final Set<String> REQUIRED = Set.of("prompt");

    private static final Set<String> SIZE_ENUM =
            Set.of("auto", "1024x1024", "1536x1024", "1024x1536", "256x256", "512x512", "1792x1024", "1024x1792");
    private static final Map<String, Set<String>> SIZES_BY_MODEL_FAMILY = Map.of(
            "dall-e-2", Set.of("256x256", "512x512", "1024x1024"),
            "dall-e-3", Set.of("1024x1024", "1792x1024", "1024x1792"),
            "gpt-image", Set.of("auto", "1024x1024", "1536x1024", "1024x1536"));
    private static final Set<String> RESPONSE_FORMAT_ENUM = Set.of("url", "b64_json");
    private static final Map<String, Integer> PROMPT_LIMIT_BY_MODEL_FAMILY =
            Map.of("dall-e-2", 1000, "dall-e-3", 4000, "gpt-image", 32000);
    private static final int N_MIN = 1;
    private static final int N_MAX = 10;

    private final ObjectMapper mapper = new ObjectMapper();

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final List<HttpImageGenerator> generators = new ArrayList<>();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gpt-image-1", "gpt-image-1.5", "dall-e-2", "dall-e-3"})
    void request_body_uses_only_schema_fields_with_valid_values(String model) throws Exception {
        server.enqueue(TestImages.b64Answer(TestImages.png(Color.GREEN)));
        HttpImageGenerator generator =
                new HttpImageGenerator(TestImages.fastSettings(server).withModel(model));
        generators.add(generator);

        generator.generate(TestImages.request()).get(10, TimeUnit.SECONDS);
        generator.close();

        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = mapper.readTree(recorded.getBody().utf8());
        assertThat(body.isObject()).isTrue();
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(SCHEMA_FIELDS).containsAll(fields);
        assertThat(fields).containsAll(REQUIRED);
        String family = model.startsWith("gpt-image") ? "gpt-image" : model;

        assertThat(body.get("model").isTextual()).isTrue();
        assertThat(body.get("model").asText()).isEqualTo(model);
        assertThat(body.get("prompt").isTextual()).isTrue();
        assertThat(body.get("prompt").asText())
                .isNotBlank()
                .hasSizeLessThanOrEqualTo(PROMPT_LIMIT_BY_MODEL_FAMILY.get(family));
        assertThat(body.get("n").isInt()).isTrue();
        assertThat(body.get("n").asInt()).isBetween(N_MIN, N_MAX).isEqualTo(1);
        assertThat(body.get("size").asText()).isIn(SIZE_ENUM).isIn(SIZES_BY_MODEL_FAMILY.get(family));
        if (family.equals("gpt-image")) {
            assertThat(fields).as("GPT image models reject response_format").doesNotContain("response_format");
        } else {
            assertThat(body.get("response_format").asText()).isIn(RESPONSE_FORMAT_ENUM);
        }
        assertThat(recorded.getBody().utf8()).doesNotContain(TestImages.KEY);
    }
}
