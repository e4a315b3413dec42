package eu.interlink.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What one export of an asset gave: the file's name and type as declared, and every byte written. */
public record Exported(String fileName, String contentType, byte[] bytes) {

    /** The same file for a user: same type, same bytes (the name may carry the asset's own title). */
    public boolean sameAs(Exported other) {
        return other != null && java.util.Objects.equals(contentType, other.contentType) && Arrays.equals(bytes, other.bytes);
    }

    /** A short description for a finding: size, type and the start of the text. */
    public String describe() {
        String text = new String(bytes, 0, Math.min(bytes.length, 60), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return bytes.length + " bytes of " + contentType + " starting '" + text + "'";
    }
}
