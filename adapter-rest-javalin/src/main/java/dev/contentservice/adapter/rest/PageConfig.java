package dev.contentservice.adapter.rest;

import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.PublicReason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the demo page would otherwise copy from the server, served as {@code /page-config.js} next to it
 * (a script, so that the page's strict Content-Security-Policy needs no exception and the page reads it
 * before it starts): the styles with their labels, the draft id pattern and length, the length limits of
 * an edit's texts ({@link EditableText}), the error texts of {@link
 * ApiError} and the Korean sentence of each failure reason ({@link PublicReason}). A new {@link ImageStyle} or a reworded error reaches the page with no edit to it.
 */
final class PageConfig {
    static final String PATH = "/page-config.js";
    static final String MEDIA_TYPE = "text/javascript;charset=utf-8";

    private PageConfig() {}

    record Style(String key, String label) {}

    record Config(
            List<Style> styles,
            String draftIdPattern,
            int draftIdMaxLength,
            Map<String, Integer> editLimits,
            Map<String, String> messages,
            Map<String, String> reasons,
            String reasonFallback) {}

    static Config config() {
        List<Style> styles = Arrays.stream(ImageStyle.values())
                .map(style -> new Style(style.key(), style.koreanLabel()))
                .toList();
        Map<String, String> messages = new LinkedHashMap<>();
        for (ApiError error : List.of(
                ApiError.RECOMMENDATION_MISSING,
                ApiError.INVALID_EVENT_DRAFT_ID,
                ApiError.INVALID_RECOMMENDATION,
                ApiError.JOB_NOT_FOUND)) {
            messages.put(error.code(), error.message());
        }
        Map<String, Integer> editLimits = new LinkedHashMap<>();
        for (EditableText text : EditableText.values()) {
            editLimits.put(text.key(), text.maxLength());
        }
        return new Config(
                styles,
                "^" + EventDraftId.PATTERN.pattern() + "$",
                EventDraftId.MAX_LENGTH,
                editLimits,
                messages,
                new TreeMap<>(PublicReason.sentences()),
                PublicReason.GENERIC);
    }

    /** The script: one assignment of the configuration, as JSON. */
    static byte[] script() {
        String json = new String(Json.bytes(config()), StandardCharsets.UTF_8);
        // JSON is a JavaScript expression; "</" is escaped in case this ever lands inside a <script> element
        return ("window.CONTENT_PAGE = " + json.replace("</", "<\\/") + ";\n").getBytes(StandardCharsets.UTF_8);
    }
}
