package dev.contentservice.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.EventInfo;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.SelectedRecommendation;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;

/** Writes AI recommendations to {@code ai:event:{eventDraftId}}, as the AI service would. */
final class Drafts {
    /** Every draft's event: a bakery's spring menu, the same for all drafts but their ids. */
    private static final EventInfo EVENT =
            new EventInfo("해피 베이커리", "베이커리", "서울 강남구", "봄맞이 신메뉴 출시 이벤트", "아메리카노 1잔", "2026-03-01", "2026-03-15");

    private static final SelectedRecommendation SELECTED = new SelectedRecommendation(
            "딸기 크루아상 시식 이벤트", "신메뉴 딸기 크루아상을 SNS에 공유하면 음료 한 잔을 드립니다", List.of("봄", "딸기", "신메뉴"), "20-30대 직장인", "밝고 경쾌한");

    /** The JSON after the draft's id, written once from {@link #EVENT} and {@link #SELECTED}. */
    private static final String AFTER_ID = afterId();

    private Drafts() {}

    /** The recommendation {@link #recommendationJson} writes, as the service reads it. */
    static Recommendation recommendation(String draftId) {
        return new Recommendation(EventDraftId.of(draftId), EVENT, SELECTED);
    }

    static String recommendationJson(String draftId) {
        return "{\"eventDraftId\":\"" + draftId + "\"," + AFTER_ID;
    }

    private static String afterId() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.putObject("eventInfo")
                .put("storeName", EVENT.storeName())
                .put("industry", EVENT.industry())
                .put("region", EVENT.region())
                .put("title", EVENT.title())
                .put("prize", EVENT.prize())
                .put("startDate", EVENT.startDate())
                .put("endDate", EVENT.endDate());
        ObjectNode selected = root.putObject("selectedRecommendation")
                .put("title", SELECTED.title())
                .put("description", SELECTED.description());
        SELECTED.keywords().forEach(selected.putArray("keywords")::add);
        selected.put("targetAudience", SELECTED.targetAudience()).put("tone", SELECTED.tone());
        try {
            return json.writeValueAsString(root).substring(1); // without the opening brace
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    /** Stores one recommendation for each id. */
    static void preload(RedisClient redis, List<String> draftIds) {
        int batch = 5_000;
        for (int from = 0; from < draftIds.size(); from += batch) {
            try (Pipeline pipeline = redis.pipelined()) {
                for (String id : draftIds.subList(from, Math.min(draftIds.size(), from + batch))) {
                    pipeline.set("ai:event:" + id, recommendationJson(id));
                }
                pipeline.sync();
            }
        }
    }

    /** {@code prefix0} … {@code prefix(count-1)}. */
    static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }
}
