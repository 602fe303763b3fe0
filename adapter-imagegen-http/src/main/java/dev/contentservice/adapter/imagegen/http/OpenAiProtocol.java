package dev.contentservice.adapter.imagegen.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * OpenAI's {@code POST /images/generations} and compatible servers: the {@code CreateImageRequest} we send and
 * the {@code ImagesResponse} / {@code ErrorResponse} we read. Only fields of the official schema are sent. The
 * answer is read as a stream and {@code b64_json} is decoded straight into bytes, so a large image never exists
 * as a Java string, and Jackson's string limit is raised to the answer limit (which the client enforces).
 */
final class OpenAiProtocol implements ImageProtocol {
    static final MediaType JSON = MediaType.get("application/json");

    private final ProviderSettings settings;
    private final HttpUrl generationsUrl;
    private final String generatorName;
    private final ObjectMapper mapper;

    OpenAiProtocol(ProviderSettings settings, long maxAnswerBytes) {
        this.settings = settings;
        this.generationsUrl = endpoint(settings, List.of("images", "generations"));
        String host = settings.baseUrl().getHost().toLowerCase(Locale.ROOT);
        String vendor = host.equals("openai.com") || host.endsWith(".openai.com") ? "openai" : "http";
        this.generatorName = vendor + ":" + settings.model();
        this.mapper = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE - 16, maxAnswerBytes))
                        .build())
                .build());
    }

    @Override
    public String generatorName() {
        return generatorName;
    }

    @Override
    public Request create(ImageRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", settings.model());
        body.put("prompt", request.prompt());
        body.put("n", 1);
        body.put("size", settings.size());
        settings.effectiveResponseFormat().ifPresent(format -> body.put("response_format", format));
        Request.Builder builder = new Request.Builder()
                .url(generationsUrl)
                .header("Accept", "application/json")
                .post(RequestBody.create(write(body), JSON));
        settings.apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder.build();
    }

    /** Reads {@code data[0]} of an {@code ImagesResponse}: {@code b64_json} or {@code url}. */
    @Override
    public Step read(byte[] body) {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw badResponse("the provider's answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(field)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw badResponse("the provider's answer has no images in 'data'");
                    }
                    if (parser.nextToken() != JsonToken.START_OBJECT) {
                        throw badResponse("the provider's answer has no image object in 'data'");
                    }
                    return image(parser);
                }
                parser.skipChildren();
            }
            throw badResponse("the provider's answer has no images in 'data'");
        } catch (JsonProcessingException e) {
            throw badResponse("the provider's answer is not JSON");
        } catch (IOException e) {
            throw badResponse("the provider's answer could not be read");
        }
    }

    private Step image(JsonParser parser) throws IOException {
        Optional<String> url = Optional.empty();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("b64_json".equals(field) && value == JsonToken.VALUE_STRING) {
                byte[] bytes;
                try {
                    bytes = parser.getBinaryValue();
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw badResponse("the provider's b64_json is not valid base64");
                }
                if (bytes.length > 0) {
                    return new Step.Image(bytes);
                }
            } else if ("url".equals(field) && value == JsonToken.VALUE_STRING) {
                url = Optional.of(parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        if (url.isPresent()) {
            HttpUrl parsed = HttpUrl.parse(url.get());
            if (parsed == null) {
                throw badResponse("the provider's image url is not an http(s) URL");
            }
            return new Step.Download(parsed);
        }
        throw badResponse("the provider's answer has neither b64_json nor url");
    }

    @Override
    public Request poll(Step.Pending pending) {
        throw new UnsupportedOperationException("OpenAI answers at once; there is nothing to poll");
    }

    @Override
    public Request cancel(Step.Pending pending) {
        throw new UnsupportedOperationException("OpenAI answers at once; there is nothing to cancel");
    }

    /** An {@code ErrorResponse}'s {@code code} or {@code type} and its message. */
    @Override
    public Optional<String> describeError(byte[] body) {
        try {
            JsonNode error = mapper.readTree(body).path("error");
            if (!error.isObject()) {
                return Optional.empty();
            }
            String code =
                    text(error.get("code")).or(() -> text(error.get("type"))).orElse("error");
            String message = text(error.get("message")).orElse("");
            return Optional.of(code + (message.isEmpty() ? "" : ": " + message));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private byte[] write(ObjectNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
    }

    static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank()
                ? Optional.of(node.asText())
                : Optional.empty();
    }

    /** {@code baseUrl} with {@code segments} appended (a trailing slash of the base is dropped first). */
    static HttpUrl endpoint(ProviderSettings settings, List<String> segments) {
        HttpUrl base = HttpUrl.get(settings.baseUrl().toString());
        HttpUrl.Builder builder = base.newBuilder();
        List<String> existing = base.pathSegments();
        if (!existing.isEmpty() && existing.get(existing.size() - 1).isEmpty()) {
            builder.removePathSegment(existing.size() - 1);
        }
        segments.forEach(builder::addPathSegment);
        return builder.build();
    }

    static ImageGenerationException badResponse(String reason) {
        return new ImageGenerationException(ImageGenerationException.BAD_RESPONSE, reason);
    }
}
