package dev.contentservice.adapter.redis;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.ImageStyle;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code edit} field of an {@code IMAGE_EDIT} job's hash: {@code {"style":"fancy","text":{"headline":"…"},
 * "palette":{"background":"#RRGGBB","text":"#RRGGBB","accent":"#RRGGBB"}}}, the shape of the edits request
 * body (a text or colour left out is absent; {@code palette} only when the edit has one).
 */
final class EditJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private EditJson() {}

    static String write(ImageEdit edit) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("style", edit.style().key());
        ObjectNode text = root.putObject("text");
        edit.text().forEach((field, value) -> text.put(field.key(), value));
        edit.palette().ifPresent(palette -> {
            ObjectNode colours = root.putObject("palette");
            palette.background().ifPresent(colour -> colours.put("background", colour));
            palette.text().ifPresent(colour -> colours.put("text", colour));
            palette.accent().ifPresent(colour -> colours.put("accent", colour));
        });
        return root.toString();
    }

    /** @throws IllegalArgumentException when the text is not an edit this service wrote */
    static ImageEdit read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("edit is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("edit is not a JSON object");
        }
        ImageStyle style = ImageStyle.fromKey(root.path("style").asText(""))
                .orElseThrow(() -> new IllegalArgumentException("edit.style is not a style"));
        Map<EditableText, String> texts = new EnumMap<>(EditableText.class);
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.path("text").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            EditableText which = EditableText.fromKey(field.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("edit.text." + field.getKey() + " is unknown"));
            texts.put(which, field.getValue().asText());
        }
        JsonNode palette = root.get("palette");
        Optional<ImageEdit.Palette> colours = palette == null || !palette.isObject()
                ? Optional.empty()
                : Optional.of(new ImageEdit.Palette(
                        colour(palette, "background"), colour(palette, "text"), colour(palette, "accent")));
        return new ImageEdit(style, texts, colours);
    }

    private static Optional<String> colour(JsonNode palette, String name) {
        JsonNode colour = palette.get(name);
        return colour == null || colour.isNull() ? Optional.empty() : Optional.of(colour.asText());
    }
}
