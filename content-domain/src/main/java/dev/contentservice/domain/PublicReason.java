package dev.contentservice.domain;

import java.util.Map;
import java.util.Objects;

/**
 * What a client is told about a failed job: the stable machine {@code code} and a fixed Korean sentence for
 * that code. The sentence comes from this table only, never from a provider, an exception or a setting, so
 * that nothing of a key, a third party's text or the service's internals reaches a public body. Codes not in
 * the table (a newer adapter's, say) get {@link #GENERIC}.
 */
public record PublicReason(String code, String sentence) {
    /** For a code the table does not know. */
    public static final String GENERIC = "알 수 없는 이유로 이미지를 만들지 못했어요.";

    /** One sentence per code; the demo page reads the same table (its {@code /page-config.js}). */
    private static final Map<String, String> SENTENCES = Map.ofEntries(
            Map.entry(ImageGenerationException.TIMEOUT, "정해진 시간 안에 이미지를 만들지 못했어요."),
            Map.entry(ImageGenerationException.UNAVAILABLE, "이미지를 만드는 서비스가 잠시 응답하지 않았어요."),
            Map.entry(ImageGenerationException.REJECTED, "이미지를 만드는 서비스가 이 요청을 거절했어요. 이벤트 문구를 바꿔 다시 시도해 보세요."),
            Map.entry(ImageGenerationException.BAD_RESPONSE, "이미지를 만드는 서비스가 알아볼 수 없는 응답을 보냈어요."),
            Map.entry(ImageGenerationException.INTERNAL, "이미지를 만드는 중에 문제가 생겼어요."),
            Map.entry("IMAGEGEN_RATE_LIMITED", "요청이 많아 지금은 이미지를 만들 수 없어요. 잠시 후 다시 시도해주세요."),
            Map.entry(JobFailure.POISONED, "여러 번 시도했지만 작업을 끝내지 못했어요."),
            Map.entry("JOB_CANCELED", "작업이 취소되었어요."),
            Map.entry(JobFailure.IMAGES_MISSING, "완성된 이미지의 보관 기간이 지났어요."),
            // an edit whose images expired, or whose recommendation went, before the worker applied it
            Map.entry(DraftImagesNotFoundException.CODE, "편집할 이미지의 보관 기간이 지났어요. 이미지를 다시 생성해주세요."),
            Map.entry(RecommendationMissingException.CODE, "이벤트 추천 정보가 없어 이미지를 다시 만들 수 없어요."),
            Map.entry(JobFailure.INTERNAL, "서버에서 예상하지 못한 문제가 생겼어요."));

    public PublicReason {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        Objects.requireNonNull(sentence, "sentence must not be null");
    }

    /** The public reason of a failure: its code and the table's sentence; the stored detail is left out. */
    public static PublicReason of(JobFailure failure) {
        Objects.requireNonNull(failure, "failure must not be null");
        return of(failure.code());
    }

    public static PublicReason of(String code) {
        return new PublicReason(code, sentenceFor(code));
    }

    /** Every code's sentence (for a client that shows reasons of its own, such as the demo page). */
    public static Map<String, String> sentences() {
        return SENTENCES;
    }

    /** The fixed sentence for {@code code}; {@link #GENERIC} for a code the table does not know. */
    public static String sentenceFor(String code) {
        return SENTENCES.getOrDefault(code, GENERIC);
    }
}
