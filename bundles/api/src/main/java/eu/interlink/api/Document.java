package eu.interlink.api;

import java.util.Objects;

/** One JSON document of a {@link DocumentStore}, as it was when read. */
public final class Document {
    private final String key;
    private final long version;
    private final String json;

    private Document(String key, long version, String json) {
        this.key = key;
        this.version = version;
        this.json = json;
    }

    /** Made by the store; Interlinkers read documents, they do not build them. */
    public static Document of(String key, long version, String json) {
        return new Document(InterlinkerTexts.requireText(key, "document key"), version, Objects.requireNonNull(json, "json"));
    }

    public String key() { return key; }

    /** 1 when first written, one more at each write: the token for {@link DocumentStore#replace}. */
    public long version() { return version; }

    /** The document as JSON text. */
    public String json() { return json; }

    @Override
    public String toString() { return key + "@" + version; }
}
