package eu.interlink.api;

/** What the kernel shows about an asset in lists: its name, chosen by the Interlinker from the user's input. */
public final class AssetInfo {
    private final String name;

    private AssetInfo(String name) {
        this.name = InterlinkerTexts.requireText(name, "asset name");
    }

    public static AssetInfo named(String name) {
        return new AssetInfo(name);
    }

    public String name() { return name; }

    @Override
    public boolean equals(Object o) { return o instanceof AssetInfo a && name.equals(a.name); }

    @Override
    public int hashCode() { return name.hashCode(); }

    @Override
    public String toString() { return name; }
}
