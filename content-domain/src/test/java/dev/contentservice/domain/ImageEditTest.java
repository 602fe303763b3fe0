package dev.contentservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.PosterCopy.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageEditTest {
    private static final PosterCopy WORDS = new PosterCopy(
            "딸기 크루아상 시식", "봄맞이 이벤트", "공유하면 음료 한 잔", "아메리카노 1잔", "3.1(일) ~ 3.15(일)", "해피 베이커리", "", List.of());

    @Test
    void an_edit_of_texts_within_their_limits_is_accepted_and_applied() {
        ImageEdit edit = new ImageEdit(
                ImageStyle.FANCY,
                Map.of(Field.HEADLINE, "봄".repeat(Field.HEADLINE.maxLength()), Field.DESCRIPTION, ""),
                Optional.empty());

        PosterCopy edited = edit.applyTo(WORDS);

        assertThat(edited.headline()).isEqualTo("봄".repeat(Field.HEADLINE.maxLength()));
        assertThat(edited.description()).isEmpty();
        assertThat(edited.prize()).isEqualTo("아메리카노 1잔");
    }

    @Test
    void a_text_over_its_limit_is_refused_with_text_too_long_naming_the_field() {
        assertThatThrownBy(() -> new ImageEdit(
                        ImageStyle.FANCY,
                        Map.of(Field.HEADLINE, "봄".repeat(Field.HEADLINE.maxLength() + 1)),
                        Optional.empty()))
                .isInstanceOfSatisfying(InvalidImageEditException.class, e -> {
                    assertThat(e.code()).isEqualTo("TEXT_TOO_LONG");
                    assertThat(e.field()).isEqualTo("text.headline");
                });
    }

    @Test
    void limits_count_characters_not_utf16_units() {
        String emoji = "🍓".repeat(Field.STORE.maxLength()); // twice as many UTF-16 units

        assertThat(new ImageEdit(ImageStyle.SIMPLE, Map.of(Field.STORE, emoji), Optional.empty()).text())
                .containsKey(Field.STORE);
    }

    @Test
    void control_characters_and_a_blank_headline_are_refused() {
        assertThatThrownBy(() -> new ImageEdit(ImageStyle.SIMPLE, Map.of(Field.STORE, "a\u0000b"), Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidImageEditException.class,
                        e -> assertThat(e.code()).isEqualTo("INVALID_TEXT"));
        assertThatThrownBy(() -> new ImageEdit(ImageStyle.SIMPLE, Map.of(Field.HEADLINE, "  "), Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidImageEditException.class,
                        e -> assertThat(e.code()).isEqualTo("INVALID_TEXT"));
    }

    @Test
    void an_edit_that_changes_nothing_is_refused() {
        assertThatThrownBy(() -> new ImageEdit(ImageStyle.SIMPLE, Map.of(), Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidImageEditException.class,
                        e -> assertThat(e.code()).isEqualTo("EMPTY_EDIT"));
    }

    @Test
    void a_palette_alone_is_an_edit() {
        PosterPalette palette = PosterPalette.of("#112233", "#ffaa00", "#FFFFFF");

        assertThat(new ImageEdit(ImageStyle.TRENDY, Map.of(), Optional.of(palette)).palette())
                .contains(palette);
    }
}
