package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.ImageStyle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The edit body (issue 13, item 4) is read strictly; every refusal is a 400 with a code. */
class ImageEditRequestTest {

    private static ImageEdit parse(String body) {
        return ImageEditRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_full_edit_is_read() {
        ImageEdit edit = parse("{\"style\":\"fancy\",\"text\":{\"headline\":\"봄 신메뉴\",\"description\":\"공유하면 음료 한 잔\"},"
                + "\"palette\":{\"background\":\"#112233\",\"accent\":\"#FFAA00\"}}");

        assertThat(edit.style()).isEqualTo(ImageStyle.FANCY);
        assertThat(edit.text())
                .containsEntry(EditableText.HEADLINE, "봄 신메뉴")
                .containsEntry(EditableText.DESCRIPTION, "공유하면 음료 한 잔");
        assertThat(edit.palette()).hasValueSatisfying(palette -> {
            assertThat(palette.background()).contains("#112233");
            assertThat(palette.text()).isEmpty();
            assertThat(palette.accent()).contains("#FFAA00");
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                                         | 400 | INVALID_BODY",
                "[1]                                                        | 400 | INVALID_BODY",
                "{\"style\":\"fancy\"                                       | 400 | INVALID_BODY",
                "{\"style\":\"fancy\",\"text\":\"x\"}                       | 400 | INVALID_BODY",
                "{\"style\":\"fancy\",\"font\":\"x\"}                       | 400 | UNKNOWN_FIELD",
                "{\"style\":\"fancy\",\"text\":{\"slogan\":\"x\"}}          | 400 | UNKNOWN_FIELD",
                "{\"style\":\"fancy\",\"palette\":{\"border\":\"#000000\"}} | 400 | UNKNOWN_FIELD",
                "{\"text\":{\"headline\":\"x\"}}                            | 400 | INVALID_STYLE",
                "{\"style\":\"cute\",\"text\":{\"headline\":\"x\"}}         | 400 | INVALID_STYLE",
                "{\"style\":\"fancy\",\"text\":{\"headline\":1}}            | 400 | INVALID_TEXT",
                "{\"style\":\"fancy\",\"palette\":{\"text\":\"red\"}}       | 400 | INVALID_PALETTE",
                "{\"style\":\"fancy\",\"palette\":{}}                       | 400 | INVALID_PALETTE",
                "{\"style\":\"fancy\"}                                      | 400 | EMPTY_EDIT",
                "{\"style\":\"fancy\",\"text\":{}}                          | 400 | EMPTY_EDIT"
            })
    void a_refused_edit_is_answered_with_its_code(String body, int status, String code) {
        assertThatThrownBy(() -> parse(body)).as(body).isInstanceOfSatisfying(HttpProblem.class, problem -> {
            assertThat(problem.error().status()).isEqualTo(status);
            assertThat(problem.error().code()).isEqualTo(code);
        });
    }

    @Test
    void a_headline_over_forty_characters_is_answered_text_too_long() {
        assertThatThrownBy(() -> parse("{\"style\":\"simple\",\"text\":{\"headline\":\"" + "가".repeat(41) + "\"}}"))
                .isInstanceOfSatisfying(
                        HttpProblem.class,
                        problem -> assertThat(problem.error().code()).isEqualTo("TEXT_TOO_LONG"));
        assertThat(parse("{\"style\":\"simple\",\"text\":{\"headline\":\"" + "가".repeat(40) + "\"}}")
                        .text())
                .containsKey(EditableText.HEADLINE);
    }

    @Test
    void a_description_may_be_longer_than_a_headline_but_not_over_two_hundred() {
        assertThat(parse("{\"style\":\"trendy\",\"text\":{\"description\":\"" + "가".repeat(200) + "\"}}")
                        .text())
                .containsKey(EditableText.DESCRIPTION);
        assertThatThrownBy(() -> parse("{\"style\":\"trendy\",\"text\":{\"description\":\"" + "가".repeat(201) + "\"}}"))
                .isInstanceOf(HttpProblem.class);
    }
}
