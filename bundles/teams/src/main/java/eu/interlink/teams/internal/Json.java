package eu.interlink.teams.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Texts per language as they are stored: one JSON object in a text column. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Map<String, String> texts) {
        try {
            return MAPPER.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> texts(String json) {
        if (json == null || json.isEmpty()) return Map.of();
        try {
            return new LinkedHashMap<>(MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
