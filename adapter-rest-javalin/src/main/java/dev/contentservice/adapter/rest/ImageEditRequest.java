package dev.contentservice.adapter.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.InvalidImageEditException;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /api/content/images/{eventDraftId}/edits} (issue 13, item 4), read strictly:
 * {@code {"style":"fancy","text":{"headline":"…","description":"…"},"palette":{"background":"#RRGGBB",
 * "text":"#RRGGBB","accent":"#RRGGBB"}}}, every error a 400 with a code.
 */
final class ImageEditRequest {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> FIELDS = Set.of("style", "text", "palette");
    private static final Set<String> COLOURS = Set.of("background", "text", "accent");

    private ImageEditRequest() {}

    static ImageEdit parse(byte[] body) {
        JsonNode root = object(body);
        requireKnownFields(root, FIELDS);
        JsonNode style = root.get("style");
        if (style == null || !style.isTextual()) {
            throw new HttpProblem(ApiError.INVALID_STYLE);
        }
        ImageStyle chosen =
                ImageStyle.fromKey(style.asText()).orElseThrow(() -> new HttpProblem(ApiError.INVALID_STYLE));
        try {
            return new ImageEdit(chosen, texts(root.get("text")), palette(root.get("palette")));
        } catch (InvalidImageEditException e) {
            throw new HttpProblem(refused(e));
        }
    }

    private static JsonNode object(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : STRICT.readTree(body);
        } catch (IOException e) {
            throw new HttpProblem(ApiError.INVALID_BODY);
        }
        if (root == null || !root.isObject()) {
            throw new HttpProblem(ApiError.INVALID_BODY);
        }
        return root;
    }

    private static void requireKnownFields(JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!known.contains(names.next())) {
                throw new HttpProblem(ApiError.UNKNOWN_FIELD);
            }
        }
    }

    private static Map<EditableText, String> texts(JsonNode text) {
        Map<EditableText, String> texts = new EnumMap<>(EditableText.class);
        if (text == null) {
            return texts;
        }
        if (!text.isObject()) {
            throw new HttpProblem(ApiError.INVALID_BODY);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = text.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            EditableText which =
                    EditableText.fromKey(field.getKey()).orElseThrow(() -> new HttpProblem(ApiError.UNKNOWN_FIELD));
            if (!field.getValue().isTextual()) {
                throw new HttpProblem(ApiError.INVALID_TEXT);
            }
            texts.put(which, field.getValue().asText());
        }
        return texts;
    }

    private static Optional<ImageEdit.Palette> palette(JsonNode palette) {
        if (palette == null) {
            return Optional.empty();
        }
        if (!palette.isObject()) {
            throw new HttpProblem(ApiError.INVALID_PALETTE);
        }
        requireKnownFields(palette, COLOURS);
        return Optional.of(new ImageEdit.Palette(
                colour(palette, "background"), colour(palette, "text"), colour(palette, "accent")));
    }

    private static Optional<String> colour(JsonNode palette, String name) {
        JsonNode colour = palette.get(name);
        if (colour == null) {
            return Optional.empty();
        }
        if (!colour.isTextual()) {
            throw new HttpProblem(ApiError.INVALID_PALETTE);
        }
        return Optional.of(colour.asText());
    }

    /** The answer to an edit the domain refuses, by its code. */
    static ApiError refused(InvalidImageEditException e) {
        return switch (e.code()) {
            case InvalidImageEditException.TEXT_TOO_LONG -> ApiError.TEXT_TOO_LONG;
            case InvalidImageEditException.INVALID_PALETTE -> ApiError.INVALID_PALETTE;
            case InvalidImageEditException.EMPTY_EDIT -> ApiError.EMPTY_EDIT;
            default -> ApiError.INVALID_TEXT;
        };
    }
}
