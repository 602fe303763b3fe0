package dev.contentservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.contract.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PosterCopyTest {

    @Test
    void korean_posters_write_the_period_with_the_weekday_computed_from_the_date() {
        assertThat(PosterCopy.koreanPeriod("2026-03-01", "2026-03-15")).isEqualTo("3.1(일) ~ 3.15(일)");
        assertThat(PosterCopy.koreanPeriod("2026-07-01", "2026-07-31")).isEqualTo("7.1(수) ~ 7.31(금)");
        assertThat(PosterCopy.koreanPeriod("2026-02-10", "2026-02-14")).isEqualTo("2.10(화) ~ 2.14(토)");
    }

    @Test
    void a_period_across_new_year_writes_the_years() {
        assertThat(PosterCopy.koreanPeriod("2026-12-28", "2027-01-03")).isEqualTo("2026.12.28(월) ~ 2027.1.3(일)");
    }

    @Test
    void one_sided_single_day_and_free_text_periods_are_kept_readable() {
        assertThat(PosterCopy.koreanPeriod("", "2026-12-31")).isEqualTo("~ 12.31(목)");
        assertThat(PosterCopy.koreanPeriod("2026-03-01", "")).isEqualTo("3.1(일) ~");
        assertThat(PosterCopy.koreanPeriod("2026-03-01", "2026-03-01")).isEqualTo("3.1(일)");
        assertThat(PosterCopy.koreanPeriod("봄 내내", "2026-02-30")).isEqualTo("봄 내내 ~ 2026-02-30");
        assertThat(PosterCopy.koreanPeriod("", "")).isEmpty();
    }

    @Test
    void the_copy_of_a_recommendation_has_every_field_the_poster_sets() {
        PosterCopy copy = PosterCopy.from(Fixtures.recommendation(EventDraftId.of("sample-1")));

        assertThat(copy.headline()).isEqualTo("딸기 크루아상 시식 이벤트");
        assertThat(copy.eventTitle()).isEqualTo("봄맞이 신메뉴 출시 이벤트");
        assertThat(copy.description()).isEqualTo("신메뉴 딸기 크루아상을 SNS에 공유하면 음료 한 잔을 드립니다");
        assertThat(copy.prize()).isEqualTo("아메리카노 1잔");
        assertThat(copy.period()).isEqualTo("3.1(일) ~ 3.15(일)");
        assertThat(copy.store()).isEqualTo("해피 베이커리");
        assertThat(copy.storeDetail()).isEqualTo("베이커리 · 서울 강남구");
        assertThat(copy.keywords()).containsExactly("봄", "딸기", "신메뉴");
    }

    @Test
    void an_edit_replaces_one_field_and_keeps_the_others() {
        PosterCopy copy = PosterCopy.from(Fixtures.recommendation(EventDraftId.of("sample-1")));

        PosterCopy edited = copy.with(EditableText.HEADLINE, "  Café Lumière ☕ 오픈  ");

        assertThat(edited.headline()).isEqualTo("Café Lumière ☕ 오픈");
        assertThat(edited.get(EditableText.DESCRIPTION)).isEqualTo(copy.description());
        assertThat(copy.with(EditableText.PRIZE, "").prize()).isEmpty();
    }

    @Test
    void an_edit_longer_than_the_fields_limit_is_refused() {
        PosterCopy copy = PosterCopy.from(Fixtures.recommendation(EventDraftId.of("sample-1")));
        int limit = EditableText.HEADLINE.maxLength();

        assertThatThrownBy(() -> copy.with(EditableText.HEADLINE, "가".repeat(limit + 1)))
                .hasMessageContaining("headline")
                .hasMessageContaining(String.valueOf(limit));
        assertThat(copy.with(EditableText.HEADLINE, "가".repeat(limit)).headline())
                .hasSize(limit);
    }

    @Test
    void an_owners_edit_replaces_its_texts_and_its_palette_keeps_the_colours_it_leaves_out() {
        PosterCopy copy = PosterCopy.from(Fixtures.recommendation(EventDraftId.of("sample-1")));
        ImageEdit edit = new ImageEdit(
                ImageStyle.FANCY,
                java.util.Map.of(EditableText.TITLE, "여름 이벤트", EditableText.PRIZE, ""),
                java.util.Optional.of(new ImageEdit.Palette(
                        java.util.Optional.of("#101820"), java.util.Optional.empty(), java.util.Optional.empty())));

        PosterCopy edited = copy.edited(edit);
        PosterPalette palette = PosterPalette.from(edit.palette().orElseThrow());

        assertThat(edited.eventTitle()).isEqualTo("여름 이벤트");
        assertThat(edited.prize()).isEmpty();
        assertThat(edited.headline()).isEqualTo(copy.headline());
        assertThat(palette.background()).contains(0x101820);
        assertThat(palette.accent()).isEmpty();
        assertThat(palette.text()).isEmpty();
    }

    @Test
    void formats_and_palettes_are_read_from_their_json_spelling() {
        assertThat(PosterFormat.fromKey("story")).contains(PosterFormat.STORY);
        assertThat(PosterFormat.PORTRAIT.height()).isEqualTo(1350);
        assertThat(PosterFormat.fromKey("landscape")).isEmpty();
        assertThat(PosterPalette.of("#FAF8F4", "#e4572e", "#1f1f1f").accent()).contains(0xE4572E);
        assertThat(PosterPalette.hex(0x0A0B0C)).isEqualTo("#0a0b0c");
        assertThatThrownBy(() -> PosterPalette.of("red", "#000000", "#000000")).hasMessageContaining("background");
    }

    @Test
    void the_art_prompt_asks_for_no_text_and_room_for_it_within_the_providers_limit() {
        Recommendation bakery = Fixtures.recommendation(EventDraftId.of("sample-1"));

        for (ImageStyle style : ImageStyle.values()) {
            String prompt = StylePrompt.art(style, bakery);

            assertThat(prompt).contains("no text, letters").contains("cropped").contains("신메뉴 딸기 크루아상");
            assertThat(prompt).doesNotContain("render exactly");
            assertThat(prompt.length()).isLessThanOrEqualTo(StylePrompt.MAX_LENGTH);
        }
    }

    @Test
    void a_request_builds_its_prompt_when_asked_and_an_art_request_asks_for_the_art() {
        Recommendation bakery = Fixtures.recommendation(EventDraftId.of("sample-1"));
        JobId job = JobId.random();
        Instant deadline = Instant.parse("2026-03-01T00:00:00Z");

        ImageRequest poster = ImageRequest.of(job, ImageStyle.FANCY, bakery, deadline);
        ImageRequest art = ImageRequest.ofArt(job, ImageStyle.FANCY, bakery, deadline);

        assertThat(poster.prompt()).isEqualTo(StylePrompt.of(ImageStyle.FANCY, bakery));
        assertThat(art.prompt()).isEqualTo(StylePrompt.art(ImageStyle.FANCY, bakery));
        assertThat(art).isNotEqualTo(poster);
        assertThat(art).isEqualTo(new ImageRequest(job, ImageStyle.FANCY, bakery, art.prompt(), deadline));
    }
}
