package eu.interlink.interlinker.deliberation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks of user input, each failing with an {@link InvalidInputException} that names the field. */
final class Input {
    private Input() {
    }

    static void unknownFields(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInputException(prefix + clip(name), "Unknown field \"" + clip(prefix + name) + "\"; expected one of "
                        + String.join(", ", allowed));
            }
        }
    }

    static JsonNode object(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(field, (field.isEmpty() ? "The body" : field) + " must be a JSON object");
        }
        return node;
    }

    /** One line of text: runs of white space and control characters become one space; the ends are trimmed. */
    static String cleanLine(String value) {
        return value == null ? "" : value.replaceAll("[\\s\\p{Z}\\p{Cc}]+", " ").trim();
    }

    /** Several lines: control characters other than line breaks and tabs go; line breaks become \n; trimmed. */
    static String cleanText(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").trim();
    }

    static String requireLine(JsonNode node, String field, int max) {
        String text = optionalLine(node, field, max);
        if (text == null) {
            throw new InvalidInputException(field, field + " is required: a text of 1 to " + max + " characters");
        }
        return text;
    }

    /** {@code null} when absent, null or blank. */
    static String optionalLine(JsonNode node, String field, int max) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(field, field + " must be a text");
        }
        String text = cleanLine(node.textValue());
        return text.isEmpty() ? null : checkLength(text, field, max);
    }

    static String requireText(JsonNode node, String field, int max) {
        String text = optionalText(node, field, max);
        if (text.isEmpty()) {
            throw new InvalidInputException(field, field + " is required: a text of 1 to " + max + " characters");
        }
        return text;
    }

    /** Empty when absent or null. */
    static String optionalText(JsonNode node, String field, int max) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(field, field + " must be a text");
        }
        return checkLength(cleanText(node.textValue()), field, max);
    }

    static String checkLength(String text, String field, int max) {
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            throw new InvalidInputException(field, field + " must be at most " + max + " characters, not " + length);
        }
        return text;
    }

    /** A date and time with a zone or offset ({@code 2030-05-01T18:00:00Z}, {@code 2030-05-01T20:00+02:00}); null when absent. */
    static Instant optionalInstant(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            String text = node.textValue().trim();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException again) {
                    // answered below
                }
            }
        }
        throw new InvalidInputException(field, field + " must be a date and time with its zone, such as \"2030-05-01T18:00:00Z\", not "
                + clip(node.toString()));
    }

    /** Quotes of the client's input in messages are cut short. */
    static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
