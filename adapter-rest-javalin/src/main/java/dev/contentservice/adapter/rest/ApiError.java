package dev.contentservice.adapter.rest;

import dev.contentservice.domain.DraftImagesNotFoundException;
import dev.contentservice.domain.InvalidEventDraftIdException;
import dev.contentservice.domain.InvalidImageEditException;
import dev.contentservice.domain.InvalidRecommendationException;
import dev.contentservice.domain.JobFinishedException;
import dev.contentservice.domain.JobInFlightException;
import dev.contentservice.domain.JobNotFoundException;
import dev.contentservice.domain.RecommendationMissingException;
import dev.contentservice.domain.StoreUnavailableException;
import dev.contentservice.domain.WebhookRefusedException;
import dev.contentservice.domain.WebhooksDisabledException;
import java.util.Objects;

/**
 * An error answer: the HTTP status and the seed's body {@code {"code","message"}}. The catalogue of every
 * error this API gives lives here, so that codes and Korean messages are written down once.
 */
record ApiError(int status, String code, String message) {

    static final ApiError INVALID_EVENT_DRAFT_ID =
            new ApiError(400, InvalidEventDraftIdException.CODE, "eventDraftId는 영문, 숫자, '_', '-'로 된 1~64자여야 합니다");
    static final ApiError RECOMMENDATION_MISSING =
            new ApiError(404, RecommendationMissingException.CODE, "AI 추천을 먼저 선택해주세요");
    static final ApiError INVALID_RECOMMENDATION =
            new ApiError(422, InvalidRecommendationException.CODE, "AI 추천 정보를 사용할 수 없습니다");
    static final ApiError JOB_NOT_FOUND = new ApiError(404, JobNotFoundException.CODE, "Job을 찾을 수 없습니다");
    static final ApiError IMAGE_NOT_FOUND = new ApiError(404, "IMAGE_001", "이미지를 찾을 수 없습니다");
    static final ApiError DRAFT_IMAGES_NOT_FOUND =
            new ApiError(404, DraftImagesNotFoundException.CODE, "이미지를 먼저 생성해주세요");
    static final ApiError INVALID_STYLE = new ApiError(400, "INVALID_STYLE", "style은 simple, fancy, trendy 중 하나여야 합니다");
    static final ApiError INVALID_BODY = new ApiError(400, "INVALID_BODY", "요청 본문은 JSON 객체여야 합니다");
    static final ApiError UNKNOWN_FIELD = new ApiError(400, "UNKNOWN_FIELD", "요청 본문에 알 수 없는 항목이 있습니다");
    static final ApiError TEXT_TOO_LONG = new ApiError(
            400, InvalidImageEditException.TEXT_TOO_LONG, "문구가 너무 깁니다 (헤드라인·가격·기간·매장 40자, 제목 60자, 설명 200자까지)");
    static final ApiError INVALID_TEXT =
            new ApiError(400, InvalidImageEditException.INVALID_TEXT, "문구는 제어 문자가 없는 문자열이어야 합니다");
    static final ApiError INVALID_PALETTE =
            new ApiError(400, InvalidImageEditException.INVALID_PALETTE, "색상은 #RRGGBB 형식이어야 합니다");
    static final ApiError EMPTY_EDIT =
            new ApiError(400, InvalidImageEditException.EMPTY_EDIT, "바꿀 문구나 색상을 하나 이상 보내주세요");
    static final ApiError STORE_UNAVAILABLE =
            new ApiError(503, StoreUnavailableException.CODE, "일시적으로 서비스를 이용할 수 없습니다");

    static final ApiError UNAUTHORIZED = new ApiError(401, "UNAUTHORIZED", "인증이 필요합니다");
    static final ApiError INVALID_GENERATE_BODY =
            new ApiError(400, "CONTENT_005", "요청 본문은 formats, webhook, metadata만 담은 JSON 객체여야 합니다");
    static final ApiError UNKNOWN_FORMAT =
            new ApiError(400, "CONTENT_006", "formats는 square, portrait, story 중에서 골라야 합니다");
    static final ApiError METADATA_TOO_LARGE = new ApiError(400, "CONTENT_007", "metadata는 1KB 이하의 JSON 객체여야 합니다");
    static final ApiError INVALID_WEBHOOK =
            new ApiError(400, WebhookRefusedException.CODE, "webhook은 공개 주소의 http(s) URL이어야 합니다");
    static final ApiError WEBHOOKS_DISABLED =
            new ApiError(400, WebhooksDisabledException.CODE, "이 서비스에는 webhook이 설정되어 있지 않습니다");
    static final ApiError JOB_IN_FLIGHT =
            new ApiError(409, JobInFlightException.CODE, "이 초안은 이미 진행 중인 작업이 있습니다. 끝난 뒤 다시 시도해주세요");
    static final ApiError JOB_FINISHED = new ApiError(409, JobFinishedException.CODE, "이미 끝난 Job은 취소할 수 없습니다");

    static final ApiError BAD_REQUEST = new ApiError(400, "BAD_REQUEST", "잘못된 요청입니다");
    static final ApiError INVALID_WAIT = new ApiError(400, "BAD_REQUEST", "wait는 0~30 사이의 정수(초)여야 합니다");
    static final ApiError NOT_FOUND = new ApiError(404, "NOT_FOUND", "요청한 경로를 찾을 수 없습니다");
    static final ApiError METHOD_NOT_ALLOWED = new ApiError(405, "METHOD_NOT_ALLOWED", "허용되지 않는 메서드입니다");
    static final ApiError NOT_ACCEPTABLE = new ApiError(406, "NOT_ACCEPTABLE", "응답할 수 있는 형식이 없습니다");
    static final ApiError REQUEST_TIMEOUT = new ApiError(408, "REQUEST_TIMEOUT", "요청 시간이 초과되었습니다");
    static final ApiError PAYLOAD_TOO_LARGE = new ApiError(413, "PAYLOAD_TOO_LARGE", "요청 본문이 너무 큽니다");
    static final ApiError URI_TOO_LONG = new ApiError(414, "URI_TOO_LONG", "요청 URI가 너무 깁니다");
    static final ApiError UNSUPPORTED_MEDIA_TYPE = new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "지원하지 않는 요청 형식입니다");
    static final ApiError HEADERS_TOO_LARGE = new ApiError(431, "HEADERS_TOO_LARGE", "요청 헤더가 너무 큽니다");
    static final ApiError INTERNAL_ERROR = new ApiError(500, "INTERNAL_ERROR", "서버 내부 오류가 발생했습니다");
    static final ApiError NOT_IMPLEMENTED = new ApiError(501, "NOT_IMPLEMENTED", "지원하지 않는 요청입니다");
    static final ApiError SERVICE_UNAVAILABLE = new ApiError(503, "SERVICE_UNAVAILABLE", "일시적으로 서비스를 이용할 수 없습니다");

    ApiError {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an error status (4xx or 5xx), was " + status);
        }
        Objects.requireNonNull(code, "code must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    /**
     * The answer for a bare status, as produced by the web server itself (a malformed URI, an oversized
     * header, a route that does not exist). Statuses without an entry fall back to the generic answer of
     * their class, with the status kept.
     */
    static ApiError forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 501 -> NOT_IMPLEMENTED;
            case 503 -> SERVICE_UNAVAILABLE;
            // Jetty's answer to HTTP/0.9 or an unknown version: a malformed request, not a server fault
            case 505 -> BAD_REQUEST;
            default -> {
                if (status >= 400 && status < 500) {
                    yield new ApiError(status, BAD_REQUEST.code(), BAD_REQUEST.message());
                }
                yield INTERNAL_ERROR;
            }
        };
    }

    /** The body, {@code {"code","message"}}. */
    Body body() {
        return new Body(code, message);
    }

    record Body(String code, String message) {}
}
