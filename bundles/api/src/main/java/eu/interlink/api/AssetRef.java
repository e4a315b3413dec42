package eu.interlink.api;

import java.util.Objects;

/** Names one asset: the kernel gives every asset an id, unique on the platform, when it is created. */
public final class AssetRef {
    private final String id;
    private final String interlinkerId;

    private AssetRef(String id, String interlinkerId) {
        this.id = InterlinkerTexts.requireText(id, "asset id");
        this.interlinkerId = InterlinkerTexts.requireText(interlinkerId, "interlinker id");
    }

    public static AssetRef of(String id, String interlinkerId) {
        return new AssetRef(id, interlinkerId);
    }

    public String id() { return id; }

    /** The Interlinker whose data this asset is, across all its versions. */
    public String interlinkerId() { return interlinkerId; }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssetRef a && id.equals(a.id) && interlinkerId.equals(a.interlinkerId);
    }

    @Override
    public int hashCode() { return Objects.hash(id, interlinkerId); }

    @Override
    public String toString() { return interlinkerId + "/" + id; }
}
