package dev.contentservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageEditTest {

    @Test
    void an_edit_of_texts_within_their_limits_is_accepted() {
        ImageEdit edit = new ImageEdit(
                ImageStyle.FANCY,
                Map.of(EditableText.HEADLINE, "봄".repeat(40), EditableText.DESCRIPTION, "SNS에 공유하면\n음료 한 잔"),
                Optional.empty());

        assertThat(edit.text()).containsEntry(EditableText.HEADLINE, "봄".repeat(40));
    }

    @Test
    void a_text_over_its_limit_is_refused_with_text_too_long_naming_the_field() {
        assertThatThrownBy(() -> new ImageEdit(
                        ImageStyle.FANCY, Map.of(EditableText.HEADLINE, "봄".repeat(41)), Optional.empty()))
                .isInstanceOfSatisfying(InvalidImageEditException.class, e -> {
                    assertThat(e.code()).isEqualTo("TEXT_TOO_LONG");
                    assertThat(e.field()).isEqualTo("text.headline");
                });
    }

    @Test
    void limits_count_characters_not_utf16_units() {
        String emoji = "☕🍓".repeat(20); // 40 code points, 60 UTF-16 units

        assertThat(new ImageEdit(ImageStyle.SIMPLE, Map.of(EditableText.HEADLINE, emoji), Optional.empty()).text())
                .containsKey(EditableText.HEADLINE);
    }

    @Test
    void control_characters_other_than_line_breaks_are_refused() {
        assertThatThrownBy(() ->
                        new ImageEdit(ImageStyle.SIMPLE, Map.of(EditableText.STORE, "a\u0000b"), Optional.empty()))
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
    void colours_are_hex_rgb() {
        ImageEdit.Palette palette =
                new ImageEdit.Palette(Optional.of("#1a2B3c"), Optional.empty(), Optional.of("#FFFFFF"));

        assertThat(new ImageEdit(ImageStyle.TRENDY, Map.of(), Optional.of(palette)).palette())
                .contains(palette);
        assertThatThrownBy(() -> new ImageEdit.Palette(Optional.of("red"), Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(InvalidImageEditException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_PALETTE");
                    assertThat(e.field()).isEqualTo("palette.background");
                });
        assertThatThrownBy(() -> new ImageEdit.Palette(Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidImageEditException.class);
    }
}
