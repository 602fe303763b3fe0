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
    public static final String GENERIC = "이미지를 만드는 중 문제가 발생했습니다";

    private static final Map<String, String> SENTENCES = Map.ofEntries(
            Map.entry(ImageGenerationException.TIMEOUT, "이미지 생성 시간이 초과되었습니다"),
            Map.entry(ImageGenerationException.UNAVAILABLE, "이미지 생성 서비스를 일시적으로 사용할 수 없습니다"),
            Map.entry(ImageGenerationException.REJECTED, "이미지 생성 서비스가 요청을 거절했습니다"),
            Map.entry(ImageGenerationException.BAD_RESPONSE, "이미지 생성 서비스의 응답을 사용할 수 없습니다"),
            Map.entry(ImageGenerationException.INTERNAL, "이미지를 만드는 중 내부 오류가 발생했습니다"),
            Map.entry(JobFailure.POISONED, "작업을 처리하지 못해 중단했습니다"),
            Map.entry(JobFailure.IMAGES_MISSING, "생성된 이미지가 더 이상 보관되어 있지 않습니다"),
            Map.entry(JobFailure.INTERNAL, "이미지를 만드는 중 내부 오류가 발생했습니다"),
            Map.entry("JOB_CANCELED", "작업이 취소되었습니다"));

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

    /** The fixed sentence for {@code code}; {@link #GENERIC} for a code the table does not know. */
    public static String sentenceFor(String code) {
        return SENTENCES.getOrDefault(code, GENERIC);
    }
}
