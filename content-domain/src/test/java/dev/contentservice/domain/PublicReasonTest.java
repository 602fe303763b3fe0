package dev.contentservice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublicReasonTest {
    private static final List<String> KNOWN = List.of(
            ImageGenerationException.TIMEOUT,
            ImageGenerationException.UNAVAILABLE,
            ImageGenerationException.REJECTED,
            ImageGenerationException.BAD_RESPONSE,
            ImageGenerationException.INTERNAL,
            JobFailure.POISONED,
            JobFailure.IMAGES_MISSING,
            JobFailure.INTERNAL,
            DraftImagesNotFoundException.CODE,
            RecommendationMissingException.CODE);

    @Test
    void every_known_code_has_its_own_korean_sentence() {
        for (String code : KNOWN) {
            assertThat(PublicReason.sentenceFor(code))
                    .as(code)
                    .isNotBlank()
                    .matches(".*[가-힣].*")
                    .doesNotContain("IMAGEGEN")
                    .doesNotContain("CONTENT_");
        }
        assertThat(PublicReason.sentenceFor(ImageGenerationException.REJECTED))
                .isEqualTo("이미지를 만드는 서비스가 이 요청을 거절했어요. 이벤트 문구를 바꿔 다시 시도해 보세요.");
    }

    @Test
    void the_public_reason_keeps_the_code_and_never_the_stored_detail() {
        JobFailure failure = JobFailure.of(
                ImageGenerationException.REJECTED, "provider said: key gw_live_AbCdEf0123456789XyZ is wrong");

        PublicReason reason = PublicReason.of(failure);

        assertThat(reason.code()).isEqualTo(ImageGenerationException.REJECTED);
        assertThat(reason.sentence()).isEqualTo(PublicReason.sentenceFor(ImageGenerationException.REJECTED));
        assertThat(reason.toString()).doesNotContain("gw_live").doesNotContain("provider said");
    }

    @Test
    void an_edit_whose_images_expired_before_it_ran_is_told_so_not_the_generic_sentence() {
        assertThat(PublicReason.of(DraftImagesNotFoundException.CODE).sentence())
                .isNotEqualTo(PublicReason.GENERIC)
                .contains("보관 기간");
    }

    @Test
    void an_unknown_code_gets_the_generic_sentence() {
        assertThat(PublicReason.of("SOMETHING_NEW").sentence()).isEqualTo(PublicReason.GENERIC);
    }
}
