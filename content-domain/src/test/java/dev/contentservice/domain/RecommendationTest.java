package dev.contentservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.contract.Fixtures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationTest {
    private final EventDraftId draft = EventDraftId.of("draft-1");

    @Test
    void recommendation_without_any_title_is_invalid_with_content_003() {
        assertThatThrownBy(() -> new Recommendation(
                        draft,
                        new EventInfo("가게", "", "", "  ", "", "", ""),
                        new SelectedRecommendation(null, "desc", null, null, null)))
                .isInstanceOf(InvalidRecommendationException.class)
                .extracting(e -> ((ContentException) e).code())
                .isEqualTo("CONTENT_003");
    }

    @Test
    void either_title_is_enough() {
        Recommendation eventOnly =
                new Recommendation(draft, new EventInfo(null, null, null, "봄 이벤트", null, null, null), null);
        Recommendation selectedOnly =
                new Recommendation(draft, null, new SelectedRecommendation("딸기 시식", null, null, null, null));

        assertThat(eventOnly.headline()).isEqualTo("봄 이벤트");
        assertThat(selectedOnly.headline()).isEqualTo("딸기 시식");
    }

    @Test
    void selected_title_is_the_headline_when_both_exist() {
        assertThat(Fixtures.recommendation(draft).headline()).isEqualTo("딸기 크루아상 시식 이벤트");
    }

    @Test
    void text_is_trimmed_cleaned_of_control_characters_and_capped() {
        SelectedRecommendation selected = new SelectedRecommendation(
                "  제목\u0000\u0007끝  ", "x".repeat(10_000), Arrays.asList(" 봄 ", "", null, "딸기"), null, "\t밝은\n");

        assertThat(selected.title()).isEqualTo("제목  끝");
        assertThat(selected.description()).hasSize(500);
        assertThat(selected.keywords()).containsExactly("봄", "딸기");
        assertThat(selected.targetAudience()).isEmpty();
        assertThat(selected.tone()).isEqualTo("밝은");
    }

    @Test
    void a_lone_surrogate_becomes_the_replacement_character_and_a_pair_is_kept() {
        SelectedRecommendation selected =
                new SelectedRecommendation("봄\ud800", "벚꽃 \ud83c\udf38", List.of("\udc00"), null, null);

        assertThat(selected.title()).isEqualTo("봄\ufffd");
        assertThat(selected.description()).isEqualTo("벚꽃 🌸");
        assertThat(selected.keywords()).containsExactly("\ufffd");
    }

    @Test
    void period_reads_naturally_with_one_or_both_dates() {
        assertThat(new EventInfo("", "", "", "t", "", "2026-03-01", "2026-03-15").period())
                .isEqualTo("2026-03-01 ~ 2026-03-15");
        assertThat(new EventInfo("", "", "", "t", "", "2026-03-01", "").period())
                .isEqualTo("2026-03-01 ~");
        assertThat(new EventInfo("", "", "", "t", "", "", "").period()).isEmpty();
    }

    @Test
    void each_style_prompt_carries_the_event_and_its_own_visual_language() {
        Recommendation recommendation = Fixtures.recommendation(draft);

        String simple = StylePrompt.of(ImageStyle.SIMPLE, recommendation);
        String fancy = StylePrompt.of(ImageStyle.FANCY, recommendation);
        String trendy = StylePrompt.of(ImageStyle.TRENDY, recommendation);

        for (String prompt : List.of(simple, fancy, trendy)) {
            assertThat(prompt).contains("딸기 크루아상 시식 이벤트", "해피 베이커리", "아메리카노 1잔", "2026-03-01 ~ 2026-03-15", "딸기");
        }
        assertThat(simple).contains("심플").doesNotContain("화려한");
        assertThat(fancy).contains("화려한");
        assertThat(trendy).contains("트렌디");
        assertThat(List.of(simple, fancy, trendy)).doesNotHaveDuplicates();
    }

    @Test
    void prompt_never_exceeds_the_smallest_provider_limit() {
        Recommendation huge = new Recommendation(
                draft,
                new EventInfo(
                        "s".repeat(500), "i".repeat(500), "r".repeat(500), "t".repeat(500), "p".repeat(500), "", ""),
                new SelectedRecommendation("x".repeat(500), "d".repeat(500), List.of("k".repeat(500)), "", ""));

        assertThat(StylePrompt.of(ImageStyle.FANCY, huge)).hasSizeLessThanOrEqualTo(StylePrompt.MAX_LENGTH);
    }

    @Test
    void sparse_recommendation_gives_a_prompt_without_empty_labels() {
        String prompt = StylePrompt.of(ImageStyle.SIMPLE, Fixtures.sparseRecommendation(draft));

        assertThat(prompt).contains("주말 한정 이벤트").doesNotContain("Prize: .").doesNotContain("Store: .");
    }
}
