package dev.contentservice.adapter.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

final class TestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestJson() {}

    static Map<String, Object> read(byte[] body) {
        try {
            return MAPPER.readValue(body, new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "not a JSON object: " + new String(body, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }
}
