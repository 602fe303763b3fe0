package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.EventInfo;
import dev.contentservice.domain.InvalidRecommendationException;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.SelectedRecommendation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader reads every record exactly as the rules say a tree would ({@code path(…)}, a scalar's
 * {@code asText()}, the last of duplicate names): random records of every shape, each compared with a small
 * tree-based reading of the same rules.
 */
class RecommendationJsonTreeEquivalenceTest {
    private static final EventDraftId DRAFT = EventDraftId.of("draft-1");
    private static final ObjectMapper TREE = new ObjectMapper();
    private final RandomRecords records = new RandomRecords(16);

    @Test
    void random_records_read_the_same_as_through_a_tree() throws Exception {
        int valid = 0;
        for (int i = 0; i < 20_000; i++) {
            String json = records.next();
            Object expected = viaTree(json);
            Object actual;
            try {
                actual = RecommendationJson.read(DRAFT, json);
            } catch (InvalidRecommendationException e) {
                actual = "invalid";
            }
            assertThat(actual).as(json).isEqualTo(expected);
            if (expected instanceof Recommendation) {
                valid++;
            }
        }
        assertThat(valid).as("records with a title among the random ones").isGreaterThan(2_000);
    }

    /** The rules through a tree: a Recommendation, or "invalid". */
    private static Object viaTree(String json) throws Exception {
        JsonNode root = TREE.readTree(json);
        JsonNode event = root.path("eventInfo");
        JsonNode selected = root.path("selectedRecommendation");
        try {
            return new Recommendation(
                    DRAFT,
                    new EventInfo(
                            text(event, "storeName"),
                            text(event, "industry"),
                            text(event, "region"),
                            text(event, "title"),
                            text(event, "prize"),
                            text(event, "startDate"),
                            text(event, "endDate")),
                    new SelectedRecommendation(
                            text(selected, "title"),
                            text(selected, "description"),
                            texts(selected.path("keywords")),
                            text(selected, "targetAudience"),
                            text(selected, "tone")));
        } catch (InvalidRecommendationException e) {
            return "invalid";
        }
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> {
                if (item.isValueNode() && !item.isNull()) {
                    out.add(item.asText());
                }
            });
        } else if (node.isValueNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }
}
