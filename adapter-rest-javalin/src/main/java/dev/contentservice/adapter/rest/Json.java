package dev.contentservice.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The adapter's one Jackson mapper, configured once and shared (an {@link ObjectMapper} is thread-safe
 * once configured). UTF-8 output, non-ASCII text written as is, never escaped.
 */
final class Json {
    /** As Jetty writes it (it drops the space of {@code application/json; charset=utf-8}): one form everywhere. */
    static final String MEDIA_TYPE = "application/json;charset=utf-8";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {}

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
