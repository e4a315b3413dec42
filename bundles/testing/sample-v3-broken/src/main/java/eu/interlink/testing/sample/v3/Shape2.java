package eu.interlink.testing.sample.v3;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code data} document of shape 2: {@code {"shape":2,"params":PARAMS}}, where PARAMS is, character for
 * character, the document version 0.1.0 keeps (shape 1). Wrapping and unwrapping work on the text, never on a
 * parsed and re-written copy, so that a migration and its revert give back exactly the bytes they were given
 * and an export is byte for byte the one version 0.1.0 makes from the same data.
 */
final class Shape2 {
    static final String KEY = "data";
    static final int SHAPE = 2;
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "{\"shape\":" + SHAPE + ",\"params\":";

    private Shape2() {
    }

    /** @param params a JSON object (or array), such as a shape 1 document */
    static String wrap(String params) {
        return PREFIX + params + "}";
    }

    /**
     * The text of the {@code params} member of a shape 2 document, as it is in {@code document}.
     *
     * @throws IllegalStateException when {@code document} is not of shape 2
     */
    static String params(String document) {
        try (JsonParser parser = JSON.getFactory().createParser(document)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notShape2(document);
            }
            boolean shaped = false;
            String params = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("shape".equals(name)) {
                    shaped = value == JsonToken.VALUE_NUMBER_INT && parser.getValueAsInt() == SHAPE;
                } else if ("params".equals(name) && params == null
                        && (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)) {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentTokenLocation().getCharOffset() + 1; // after the closing } or ]
                    params = document.substring(start, end);
                } else {
                    throw notShape2(document);
                }
            }
            if (!shaped || params == null) {
                throw notShape2(document);
            }
            return params;
        } catch (IOException e) {
            throw new IllegalStateException("The '" + KEY + "' document is not JSON: " + e.getMessage(), e);
        }
    }

    private static IllegalStateException notShape2(String document) {
        String start = document.length() > 80 ? document.substring(0, 80) + "…" : document;
        return new IllegalStateException("The '" + KEY + "' document is not of shape " + SHAPE
                + " ({\"shape\":2,\"params\":{…}}): " + start);
    }
}
