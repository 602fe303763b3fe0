package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.InvalidRecommendationException;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.contract.Fixtures;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

/** The tolerant reader of {@code ai:event:{eventDraftId}}, fed the way the AI service writes it. */
class RecommendationJsonTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final EventDraftId DRAFT = EventDraftId.of("draft-2026-0001");

    private RedisBackend backend;
    private RedisClient ai;

    @BeforeEach
    void open() {
        backend = RedisBackend.open(REDIS.settings());
        ai = RedisClient.create(REDIS.url());
    }

    @AfterEach
    void close() {
        backend.close();
        ai.close();
    }

    private Recommendation stored(String json) {
        ai.set("ai:event:" + DRAFT.value(), json);
        return backend.recommendationSource().find(DRAFT).orElseThrow();
    }

    @Test
    void the_spec_example_is_read_with_its_korean_text_intact() {
        Recommendation read = stored("""
                {
                  "eventDraftId": "draft-2026-0001",
                  "eventInfo": {"storeName": "해피 베이커리", "industry": "베이커리", "region": "서울 강남구",
                    "title": "봄맞이 신메뉴 출시 이벤트", "prize": "아메리카노 1잔",
                    "startDate": "2026-03-01", "endDate": "2026-03-15"},
                  "selectedRecommendation": {"title": "딸기 크루아상 시식 이벤트",
                    "description": "신메뉴 딸기 크루아상을 SNS에 공유하면 음료 한 잔을 드립니다",
                    "keywords": ["봄", "딸기", "신메뉴"], "targetAudience": "20-30대 직장인", "tone": "밝고 경쾌한"}
                }
                """);

        assertThat(read).isEqualTo(Fixtures.recommendation(DRAFT));
    }

    @Test
    void unknown_fields_are_ignored() {
        Recommendation read = stored("""
                {"version": 3, "eventInfo": {"title": "봄 이벤트", "budget": {"won": 100000}},
                 "selectedRecommendation": {"title": "시식회", "score": 0.93, "channels": ["instagram"]},
                 "alternatives": [{"title": "다른 안"}]}
                """);

        assertThat(read.eventInfo().title()).isEqualTo("봄 이벤트");
        assertThat(read.selected().title()).isEqualTo("시식회");
    }

    @Test
    void one_title_is_enough_and_missing_fields_are_empty() {
        Recommendation read = stored("{\"eventInfo\": {\"title\": \"주말 한정 이벤트\"}}");

        assertThat(read.headline()).isEqualTo("주말 한정 이벤트");
        assertThat(read.eventInfo().storeName()).isEmpty();
        assertThat(read.selected().keywords()).isEmpty();
        assertThat(read.selected().title()).isEmpty();
    }

    @Test
    void scalars_are_read_as_text_and_wrong_shapes_as_absent() {
        Recommendation read = stored("""
                {"eventInfo": {"title": 2026, "prize": true, "region": {"city": "서울"}, "storeName": null},
                 "selectedRecommendation": {"keywords": "딸기", "tone": ["밝은"]}}
                """);

        assertThat(read.eventInfo().title()).isEqualTo("2026");
        assertThat(read.eventInfo().prize()).isEqualTo("true");
        assertThat(read.eventInfo().region()).isEmpty();
        assertThat(read.eventInfo().storeName()).isEmpty();
        assertThat(read.selected().keywords()).isEqualTo(List.of("딸기"));
        assertThat(read.selected().tone()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "{\"eventInfo\": {\"title\": \"봄\"",
                "[1, 2, 3]",
                "\"a string\"",
                "null",
                "",
                "{}",
                "{\"eventInfo\": {\"title\": \"   \"}, \"selectedRecommendation\": {\"title\": null}}",
                "{\"eventInfo\": \"봄맞이\", \"selectedRecommendation\": [\"딸기\"]}"
            })
    void unusable_records_are_invalid_recommendations(String json) {
        ai.set("ai:event:" + DRAFT.value(), json);

        assertThatThrownBy(() -> backend.recommendationSource().find(DRAFT))
                .isInstanceOf(InvalidRecommendationException.class)
                .extracting("code")
                .isEqualTo("CONTENT_003");
    }

    @Test
    void a_record_of_another_redis_type_is_an_invalid_recommendation() {
        ai.hset("ai:event:" + DRAFT.value(), "title", "봄");

        assertThatThrownBy(() -> backend.recommendationSource().find(DRAFT))
                .isInstanceOf(InvalidRecommendationException.class);
    }

    @Test
    void an_absent_record_is_empty() {
        assertThat(backend.recommendationSource().find(EventDraftId.of("no-such-draft")))
                .isEmpty();
    }

    @Test
    void the_job_snapshot_is_written_in_the_ai_record_shape() {
        Recommendation original = Fixtures.recommendation(DRAFT);

        assertThat(RecommendationJson.read(DRAFT, RecommendationJson.write(original)))
                .isEqualTo(original);
        assertThat(RecommendationJson.write(original)).contains("\"selectedRecommendation\"", "딸기 크루아상");
    }
}
