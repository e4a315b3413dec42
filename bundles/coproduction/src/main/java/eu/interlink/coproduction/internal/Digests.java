package eu.interlink.coproduction.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Content digests: an import compares them with the stored ones to leave unchanged items untouched, without
 * reading them back field by field.
 */
final class Digests {
    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Digests() {
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }

    static String of(StoredEntry e) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("id", e.id());
        content.put("nature", e.nature().name());
        content.put("origin", e.origin());
        Map<String, Object> texts = new TreeMap<>();
        e.texts().forEach((field, t) -> {
            if (!t.isEmpty()) texts.put(field, new TreeMap<>(t.values()));
        });
        content.put("texts", texts);
        Map<String, Object> codes = new TreeMap<>();
        e.codes().forEach((field, list) -> {
            if (!list.isEmpty()) codes.put(field, list);
        });
        content.put("codes", codes);
        Map<String, Object> tags = new TreeMap<>();
        e.tags().forEach((lang, list) -> {
            if (!list.isEmpty()) tags.put(lang, list);
        });
        content.put("tags", tags);
        content.put("difficulty", e.difficulty());
        content.put("licence", e.licence());
        content.put("form", e.form());
        content.put("format", e.format());
        content.put("sustainability", e.sustainability());
        content.put("softwareInterlinker", e.softwareInterlinker());
        content.put("source", e.source());
        Map<String, Object> files = new TreeMap<>();
        for (StoredEntry.FileRef f : e.files()) files.put(f.slot(), f.name() + '|' + f.contentType() + '|' + f.sha256());
        content.put("files", files);
        return of(content);
    }

    static String of(Object canonicalContent) {
        try {
            return sha256(CANONICAL.writeValueAsString(canonicalContent).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise content for its digest", e);
        }
    }
}
