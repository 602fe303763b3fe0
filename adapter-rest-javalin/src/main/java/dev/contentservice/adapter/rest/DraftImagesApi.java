package dev.contentservice.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.contentservice.application.ChooseStyle;
import dev.contentservice.application.ReadDraftImages;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The draft's images and the owner's choice: {@code GET /api/content/images/{eventDraftId}} and {@code PUT
 * /api/content/images/{eventDraftId}/selection} with {@code {"style":"fancy"}}.
 */
final class DraftImagesApi {
    static final String DRAFT_IMAGES_PATH = "/api/content/images/{eventDraftId}";
    static final String SELECTION_PATH = "/api/content/images/{eventDraftId}/selection";

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ReadDraftImages reads;
    private final ChooseStyle choices;

    DraftImagesApi(ReadDraftImages reads, ChooseStyle choices) {
        this.reads = Objects.requireNonNull(reads, "reads");
        this.choices = Objects.requireNonNull(choices, "choices");
    }

    void read(Context ctx) {
        EventDraftId draft = EventDraftId.of(ctx.pathParam("eventDraftId"));

        DraftImages images = reads.read(draft);

        ContentApi.json(ctx.status(200), body(draft, images));
    }

    void choose(Context ctx) {
        EventDraftId draft = EventDraftId.of(ctx.pathParam("eventDraftId"));
        ImageStyle style = styleOf(ContentHttpServer.body(ctx));

        DraftImages images = choices.choose(draft, style);

        ContentApi.json(ctx.status(200), body(draft, images));
    }

    /** The body {@code {"style":"simple"|"fancy"|"trendy"}}, and nothing else. */
    static ImageStyle styleOf(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : STRICT.readTree(body);
        } catch (IOException e) {
            throw new HttpProblem(ApiError.INVALID_BODY);
        }
        if (root == null || !root.isObject()) {
            throw new HttpProblem(ApiError.INVALID_BODY);
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            if (!names.next().equals("style")) {
                throw new HttpProblem(ApiError.UNKNOWN_FIELD);
            }
        }
        JsonNode style = root.get("style");
        if (style == null || !style.isTextual()) {
            throw new HttpProblem(ApiError.INVALID_STYLE);
        }
        return ImageStyle.fromKey(style.asText()).orElseThrow(() -> new HttpProblem(ApiError.INVALID_STYLE));
    }

    static Body body(EventDraftId draft, DraftImages images) {
        Map<String, Map<String, String>> formats = new LinkedHashMap<>();
        images.formats().forEach((format, set) -> formats.put(format.key(), urls(set)));
        return new Body(
                draft.value(),
                images.jobId().toString(),
                urls(images.images()),
                formats.isEmpty() ? null : formats,
                images.selected().map(ImageStyle::key).orElse(null),
                images.createdAt().toString(),
                images.editedAt().map(Object::toString).orElse(null));
    }

    private static Map<String, String> urls(ImageSet set) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (ImageStyle style : ImageStyle.values()) {
            urls.put(style.key(), set.url(style));
        }
        return urls;
    }

    /** The draft's images; {@code formats}, {@code selected} and {@code editedAt} only when there are any. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(
            String eventDraftId,
            String jobId,
            Map<String, String> imageUrls,
            Map<String, Map<String, String>> formats,
            String selected,
            String createdAt,
            String editedAt) {}
}
