package eu.interlink.interlinker.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a file is, from its first bytes: a small table of signatures ("magic numbers") for the types a file space
 * takes, and a UTF-8 check for text. Containers whose bytes do not tell their kind (a ZIP that is a .docx, a text
 * that is CSV) are refined by the file's name, never by what the client claims.
 */
final class ContentTypes {
    /** How many leading bytes detection reads. */
    static final int PREFIX = 8192;
    static final String OCTET_STREAM = "application/octet-stream";
    static final String ZIP = "application/zip";

    private static final Map<String, String> ZIP_BY_EXTENSION = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    private static final Set<String> ODF = Set.of("application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.presentation");
    private static final Map<String, String> TEXT_BY_EXTENSION = Map.of("csv", "text/csv", "md", "text/markdown",
            "markdown", "text/markdown", "json", "application/json");
    /** What clients send for the types above under other names. */
    private static final Map<String, String> ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg",
            "application/x-zip-compressed", ZIP, "application/x-zip", ZIP, "text/x-markdown", "text/markdown",
            "application/x-pdf", "application/pdf", "application/csv", "text/csv", "text/comma-separated-values", "text/csv");

    private ContentTypes() {
    }

    /** The type of a file whose first bytes are {@code prefix} (all of them when the file is shorter) and whose name is {@code name}. */
    static String detect(byte[] prefix, int length, String name) {
        byte[] b = Arrays.copyOf(prefix, length);
        if (starts(b, "%PDF-")) return "application/pdf";
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return "image/png";
        if (starts(b, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (starts(b, "GIF87a") || starts(b, "GIF89a")) return "image/gif";
        if (starts(b, "RIFF") && b.length >= 12 && new String(b, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) return "image/webp";
        if (starts(b, 'I', 'I', 0x2A, 0x00) || starts(b, 'M', 'M', 0x00, 0x2A)) return "image/tiff";
        if (starts(b, 'P', 'K', 3, 4) || starts(b, 'P', 'K', 5, 6)) return zipKind(b, name);
        if (starts(b, "MZ")) return "application/x-msdownload";
        if (starts(b, 0x7F, 'E', 'L', 'F')) return "application/x-executable";
        if (starts(b, 0x1F, 0x8B)) return "application/gzip";
        if (starts(b, '7', 'z', 0xBC, 0xAF)) return "application/x-7z-compressed";
        if (isText(b, length < prefix.length)) return textKind(b, name);
        return OCTET_STREAM;
    }

    /**
     * An OpenDocument file names its type in a first entry {@code mimetype}, stored uncompressed (ISO/IEC 26300);
     * an Office Open XML file is a ZIP whose kind only its name says.
     */
    private static String zipKind(byte[] b, String name) {
        if (b.length > 38 && new String(b, 30, Math.min(8, b.length - 30), StandardCharsets.ISO_8859_1).equals("mimetype")) {
            int size = (b[18] & 0xff) | (b[19] & 0xff) << 8;
            if (size > 0 && size < 100 && 38 + size <= b.length) {
                String type = new String(b, 38, size, StandardCharsets.US_ASCII);
                if (ODF.contains(type)) return type;
            }
        }
        return ZIP_BY_EXTENSION.getOrDefault(extension(name), ZIP);
    }

    private static String textKind(byte[] b, String name) {
        String start = new String(b, 0, Math.min(b.length, 512), StandardCharsets.UTF_8).stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("\ufeff")) start = start.substring(1).stripLeading();
        // Markup that a browser would run: detected so that an allow-list can keep it out.
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<script")) return "text/html";
        if (start.startsWith("<svg") || (start.startsWith("<?xml") && start.contains("<svg"))) return "image/svg+xml";
        if (start.startsWith("<?xml")) return "application/xml";
        String byName = TEXT_BY_EXTENSION.get(extension(name));
        if ("application/json".equals(byName) && !(start.startsWith("{") || start.startsWith("["))) return "text/plain";
        return byName != null ? byName : "text/plain";
    }

    /** UTF-8 without NUL or other control characters than tab, line breaks and form feed; a cut last character is forgiven. */
    private static boolean isText(byte[] b, boolean whole) {
        if (b.length == 0) return true;
        for (byte x : b) {
            if ((x >= 0 && x < 0x20 && x != '\t' && x != '\n' && x != '\r' && x != '\f') || x == 0x7F) return false;
        }
        int end = b.length;
        if (!whole) {
            // The prefix may end inside a multi-byte character.
            int back = 0;
            while (back < 3 && end - back - 1 >= 0 && (b[end - back - 1] & 0xC0) == 0x80) back++;
            if (end - back - 1 >= 0 && (b[end - back - 1] & 0xC0) == 0xC0) end = end - back - 1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A media type as clients send it, without parameters, in lower case, under its usual name. */
    static String normalise(String contentType) {
        if (contentType == null) return null;
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : ALIASES.getOrDefault(type, type);
    }

    /**
     * Whether what the client declared fits what the bytes are. No claim (or a generic one) fits anything; text
     * kinds fit one another (a browser may call a .md file text/plain); a ZIP-based document fits a ZIP claim.
     */
    static boolean consistent(String declared, String detected) {
        String d = normalise(declared);
        if (d == null || d.equals(OCTET_STREAM) || d.equals(detected)) return true;
        if (isTextual(d) && isTextual(detected)) return true;
        return d.equals(ZIP) && (ZIP_BY_EXTENSION.containsValue(detected) || ODF.contains(detected));
    }

    private static boolean isTextual(String type) {
        return type.startsWith("text/") || type.equals("application/json");
    }

    /** The header value to serve a stored type with: text gets its charset. */
    static String served(String type) {
        return isTextual(type) ? type + "; charset=utf-8" : type;
    }

    static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean starts(byte[] b, String ascii) {
        return starts(b, ascii.chars().toArray());
    }

    private static boolean starts(byte[] b, int... expected) {
        if (b.length < expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((b[i] & 0xff) != expected[i]) return false;
        }
        return true;
    }
}
