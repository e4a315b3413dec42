package eu.interlink.coproduction.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.interlink.coproduction.Translated;

/** The JSON this bundle stores in text columns: translated texts, string lists, whole schemas. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored JSON is unreadable", e);
        }
    }

    static String texts(Translated t) {
        return write(t.values());
    }

    static Translated texts(String json) {
        return texts(read(json));
    }

    static Translated texts(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node != null && node.isObject()) node.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) values.put(e.getKey(), e.getValue().asText());
        });
        return new Translated(values);
    }

    static List<String> strings(String json) {
        return strings(read(json));
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) node.forEach(n -> {
            if (n.isTextual()) out.add(n.asText());
        });
        return out;
    }

    static Map<String, List<String>> stringLists(JsonNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) node.fields().forEachRemaining(e -> out.put(e.getKey(), strings(e.getValue())));
        return out;
    }

    static <T> T convert(Object value, TypeReference<T> type) {
        return MAPPER.convertValue(value, type);
    }
}
