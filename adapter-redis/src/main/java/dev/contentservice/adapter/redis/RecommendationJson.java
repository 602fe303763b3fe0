package dev.contentservice.adapter.redis;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.EventInfo;
import dev.contentservice.domain.InvalidRecommendationException;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.SelectedRecommendation;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@code ai:event:{eventDraftId}}, read tolerantly: unknown fields are ignored, every field
 * is optional, a scalar where text is expected is read as its text, anything else as absent. Only a
 * value that is not a JSON object, or that has neither title, is refused. The job's snapshot of the
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
     * @throws InvalidRecommendationException when the text is not a JSON object or has no title
     */
    static Recommendation read(EventDraftId draft, String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidRecommendationException("the AI recommendation of " + draft + " is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRecommendationException("the AI recommendation of " + draft + " is not a JSON object");
        }
        JsonNode event = root.path("eventInfo");
        JsonNode selected = root.path("selectedRecommendation");
        EventInfo eventInfo = new EventInfo(
                text(event, "storeName"),
                text(event, "industry"),
                text(event, "region"),
                text(event, "title"),
                text(event, "prize"),
                text(event, "startDate"),
                text(event, "endDate"));
        SelectedRecommendation recommendation = new SelectedRecommendation(
                text(selected, "title"),
                text(selected, "description"),
                texts(selected.path("keywords")),
                text(selected, "targetAudience"),
                text(selected, "tone"));
        return new Recommendation(draft, eventInfo, recommendation);
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

    /** The field's text when it is a string, number or boolean; null (absent) otherwise. */
    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    /** An array of scalars, or a single scalar as a one-element list; anything else is empty. */
    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isValueNode() && !item.isNull()) {
                    out.add(item.asText());
                }
            }
        } else if (node.isValueNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }
}
