package dev.contentservice.adapter.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.contentservice.domain.JobMetadata;
import dev.contentservice.domain.JobOptions;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.WebhookTarget;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The optional body of {@code POST …/generate}: {@code {"formats":[…],"webhook":"https://…","metadata":{…}}},
 * every field optional. No body (or an empty one) means the seed's request. Anything else is refused,
 * never ignored: a body that is not a JSON object, an unknown field, a wrong type, an unknown format,
 * metadata over 1 KB.
 */
final class GenerateBody {
    static final int MAX_FORMATS = PosterFormat.values().length;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private GenerateBody() {}

    /** The options a body asks for. */
    static JobOptions parse(byte[] body) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return JobOptions.DEFAULT;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new HttpProblem(ApiError.INVALID_GENERATE_BODY);
        } catch (java.io.IOException e) {
            throw new HttpProblem(ApiError.INVALID_GENERATE_BODY);
        }
        if (root == null || !root.isObject()) {
            throw new HttpProblem(ApiError.INVALID_GENERATE_BODY);
        }
        JobOptions options = JobOptions.DEFAULT;
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "formats" -> options = options.withFormats(formats(value));
                case "webhook" -> options = options.withWebhook(webhook(value));
                case "metadata" -> options = options.withMetadata(metadata(value));
                default -> throw new HttpProblem(ApiError.INVALID_GENERATE_BODY);
            }
        }
        return options;
    }

    private static Set<PosterFormat> formats(JsonNode value) {
        if (!value.isArray() || value.isEmpty() || value.size() > 16) {
            throw new HttpProblem(ApiError.INVALID_GENERATE_BODY);
        }
        Set<PosterFormat> formats = EnumSet.noneOf(PosterFormat.class);
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new HttpProblem(ApiError.INVALID_GENERATE_BODY);
            }
            formats.add(
                    PosterFormat.fromKey(item.asText()).orElseThrow(() -> new HttpProblem(ApiError.UNKNOWN_FORMAT)));
        }
        return formats;
    }

    private static WebhookTarget webhook(JsonNode value) {
        if (!value.isTextual()) {
            throw new HttpProblem(ApiError.INVALID_GENERATE_BODY);
        }
        return WebhookTarget.parse(value.asText()).orElseThrow(() -> new HttpProblem(ApiError.INVALID_WEBHOOK));
    }

    private static JobMetadata metadata(JsonNode value) {
        if (!value.isObject()) {
            throw new HttpProblem(ApiError.INVALID_GENERATE_BODY);
        }
        String json;
        try {
            json = MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new HttpProblem(ApiError.INVALID_GENERATE_BODY);
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > JobMetadata.MAX_BYTES) {
            throw new HttpProblem(ApiError.METADATA_TOO_LARGE);
        }
        return JobMetadata.of(json);
    }

    /** A stored metadata text as a JSON tree, to be written inside a status body. */
    static Optional<JsonNode> tree(Optional<JobMetadata> metadata) {
        return metadata.map(m -> {
            try {
                return MAPPER.readTree(m.json());
            } catch (JsonProcessingException e) {
                return null;
            }
        });
    }
}
