package dev.contentservice.adapter.imagegen.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contentservice.domain.ImageGenerationException;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The wire format of OpenAI's {@code POST /images/generations}: the {@code CreateImageRequest} we send and
 * the {@code ImagesResponse} / {@code ErrorResponse} we read. Only fields of the official schema are sent.
 */
final class ImagesProtocol {
    private final ObjectMapper mapper = new ObjectMapper();

    /** What the answer carries: the image itself, or where to download it. */
    sealed interface Payload permits Inline, Remote {}

    record Inline(byte[] bytes) implements Payload {}

    record Remote(HttpUrl url) implements Payload {}

    byte[] generationRequest(String model, String prompt, String size, Optional<String> responseFormat) {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", model);
        body.put("prompt", prompt);
        body.put("n", 1);
        body.put("size", size);
        responseFormat.ifPresent(format -> body.put("response_format", format));
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
    }

    /** Reads {@code data[0]} of an {@code ImagesResponse}. */
    Payload parse(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw badResponse("the provider's answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw badResponse("the provider's answer is not a JSON object");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray() || data.isEmpty()) {
            throw badResponse("the provider's answer has no images in 'data'");
        }
        JsonNode image = data.get(0);
        if (!image.isObject()) {
            throw badResponse("the provider's answer has no image object in 'data'");
        }
        JsonNode b64 = image.get("b64_json");
        if (b64 != null && b64.isTextual() && !b64.asText().isEmpty()) {
            try {
                return new Inline(Base64.getDecoder().decode(b64.asText()));
            } catch (IllegalArgumentException e) {
                throw badResponse("the provider's b64_json is not valid base64");
            }
        }
        JsonNode url = image.get("url");
        if (url != null && url.isTextual()) {
            HttpUrl parsed = HttpUrl.parse(url.asText());
            if (parsed == null) {
                throw badResponse("the provider's image url is not an http(s) URL");
            }
            return new Remote(parsed);
        }
        throw badResponse("the provider's answer has neither b64_json nor url");
    }

    /**
     * A short description of an {@code ErrorResponse} body: its {@code code} or {@code type} and its message,
     * with {@code secret} blanked out and cut to a readable length. Empty when the body is not one.
     */
    Optional<String> describeError(byte[] body, Optional<String> secret) {
        try {
            JsonNode error = mapper.readTree(body).path("error");
            if (!error.isObject()) {
                return Optional.empty();
            }
            String code =
                    text(error.get("code")).or(() -> text(error.get("type"))).orElse("error");
            String message = text(error.get("message")).orElse("");
            return Optional.of(Redaction.clean(code + (message.isEmpty() ? "" : ": " + message), secret));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank()
                ? Optional.of(node.asText())
                : Optional.empty();
    }

    private static ImageGenerationException badResponse(String reason) {
        return new ImageGenerationException(ImageGenerationException.BAD_RESPONSE, reason, false);
    }
}
