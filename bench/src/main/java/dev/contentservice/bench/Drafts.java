package dev.contentservice.bench;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;

/** Writes AI recommendations to {@code ai:event:{eventDraftId}}, as the AI service would. */
final class Drafts {
    private Drafts() {}

    static String recommendationJson(String draftId) {
        return "{\"eventDraftId\":\"" + draftId + "\",\"eventInfo\":{\"storeName\":\"해피 베이커리\","
                + "\"industry\":\"베이커리\",\"region\":\"서울 강남구\",\"title\":\"봄맞이 신메뉴 출시 이벤트\","
                + "\"prize\":\"아메리카노 1잔\",\"startDate\":\"2026-03-01\",\"endDate\":\"2026-03-15\"},"
                + "\"selectedRecommendation\":{\"title\":\"딸기 크루아상 시식 이벤트\","
                + "\"description\":\"신메뉴 딸기 크루아상을 SNS에 공유하면 음료 한 잔을 드립니다\","
                + "\"keywords\":[\"봄\",\"딸기\",\"신메뉴\"],\"targetAudience\":\"20-30대 직장인\",\"tone\":\"밝고 경쾌한\"}}";
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
