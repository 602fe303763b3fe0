package dev.contentservice.adapter.redis;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.EventInfo;
import dev.contentservice.domain.InvalidRecommendationException;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.SelectedRecommendation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code ai:event:{eventDraftId}}, read tolerantly: unknown fields are ignored, every field
 * is optional, a scalar where text is expected is read as its text, anything else as absent. Only a
 * value that is not one JSON object, or that has neither title, is refused. The job's snapshot of the
 * recommendation is written in the same shape, so one reader serves both.
 */
final class RecommendationJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    static {
        // a recommendation is a few hundred bytes; refuse absurd documents early
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxStringLength(1_000_000)
                        .build());
    }

    private RecommendationJson() {}

    /**
     * Reads the record with Jackson's streaming parser, field by field, without building a tree (it is read
     * for every POST and every claimed job). Duplicate names: the last wins, as in a tree.
     *
     * @throws InvalidRecommendationException when the text is not a JSON object or has no title
     */
    static Recommendation read(EventDraftId draft, String json) {
        Map<String, String> event = Map.of();
        Map<String, String> selected = Map.of();
        List<String> keywords = List.of();
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidRecommendationException("the AI recommendation of " + draft + " is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("eventInfo")) {
                    event = new HashMap<>();
                    readObject(parser, value, event, null);
                } else if (name.equals("selectedRecommendation")) {
                    selected = new HashMap<>();
                    keywords = new ArrayList<>();
                    readObject(parser, value, selected, keywords);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                // as a strict JSON reader (and submit.lua's cjson) sees it: one document, nothing after it
                throw new InvalidRecommendationException("the AI recommendation of " + draft + " is not JSON");
            }
        } catch (JacksonException e) {
            throw new InvalidRecommendationException("the AI recommendation of " + draft + " is not JSON");
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        EventInfo eventInfo = new EventInfo(
                event.get("storeName"),
                event.get("industry"),
                event.get("region"),
                event.get("title"),
                event.get("prize"),
                event.get("startDate"),
                event.get("endDate"));
        SelectedRecommendation recommendation = new SelectedRecommendation(
                selected.get("title"),
                selected.get("description"),
                keywords,
                selected.get("targetAudience"),
                selected.get("tone"));
        return new Recommendation(draft, eventInfo, recommendation);
    }

    /**
     * Reads an object's scalar fields as text into {@code texts} (anything else is skipped, as absent); with
     * {@code keywords}, the scalars of its {@code keywords} field too (an array's, or a single one; the last
     * such field wins). A value that is not an object is skipped.
     */
    private static void readObject(JsonParser parser, JsonToken start, Map<String, String> texts, List<String> keywords)
            throws IOException {
        if (start != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (keywords != null && name.equals("keywords")) {
                keywords.clear();
                if (value == JsonToken.START_ARRAY) {
                    for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                        addText(parser, item, keywords);
                    }
                } else {
                    addText(parser, value, keywords);
                }
            } else {
                String text = scalarTextOrSkip(parser, value);
                if (text != null) {
                    texts.put(name, text);
                } else {
                    texts.remove(name);
                }
            }
        }
    }

    private static void addText(JsonParser parser, JsonToken token, List<String> to) throws IOException {
        String text = scalarTextOrSkip(parser, token);
        if (text != null) {
            to.add(text);
        }
    }

    /** {@link #scalarText}; a value that is not a scalar is skipped whole. */
    private static String scalarTextOrSkip(JsonParser parser, JsonToken token) throws IOException {
        String text = scalarText(parser, token);
        if (text == null) {
            parser.skipChildren();
        }
        return text;
    }

    /**
     * A string, number or boolean as the text a tree's node gives ({@code JsonNode.asText}: a fraction as
     * {@link Double#toString}); null for null, an object or an array.
     */
    private static String scalarText(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue().toString();
            case VALUE_NUMBER_FLOAT -> Double.toString(parser.getDoubleValue());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            default -> null;
        };
    }

    static String write(Recommendation recommendation) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("eventDraftId", recommendation.eventDraftId().value());
        EventInfo event = recommendation.eventInfo();
        ObjectNode eventNode = root.putObject("eventInfo");
        eventNode.put("storeName", event.storeName());
        eventNode.put("industry", event.industry());
        eventNode.put("region", event.region());
        eventNode.put("title", event.title());
        eventNode.put("prize", event.prize());
        eventNode.put("startDate", event.startDate());
        eventNode.put("endDate", event.endDate());
        SelectedRecommendation selected = recommendation.selected();
        ObjectNode selectedNode = root.putObject("selectedRecommendation");
        selectedNode.put("title", selected.title());
        selectedNode.put("description", selected.description());
        ArrayNode keywords = selectedNode.putArray("keywords");
        selected.keywords().forEach(keywords::add);
        selectedNode.put("targetAudience", selected.targetAudience());
        selectedNode.put("tone", selected.tone());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JacksonException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }
}
