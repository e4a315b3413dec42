package eu.interlink.branding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A logo file: its name, media type and bytes (at most {@link BrandingRules#MAX_LOGO_BYTES}), with an entity tag. */
public final class Logo {
    private final String fileName;
    private final String contentType;
    private final byte[] bytes;
    private final String etag;

    public Logo(String fileName, String contentType, byte[] bytes) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.bytes = bytes.clone();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.bytes);
            this.etag = "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** A strong entity tag of the bytes, quoted, for {@code ETag}. */
    public String etag() {
        return etag;
    }

    @Override
    public String toString() {
        return fileName + " (" + contentType + ", " + bytes.length + " bytes)";
    }

    static boolean startsWith(byte[] data, String ascii) {
        byte[] prefix = ascii.getBytes(StandardCharsets.ISO_8859_1);
        if (data.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (data[i] != prefix[i]) return false;
        return true;
    }
}
