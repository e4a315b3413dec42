package eu.interlink.api;

/** No such asset, or not one of the calling Interlinker's. */
public class AssetNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String assetId;

    public AssetNotFoundException(String assetId) {
        super("No asset '" + assetId + "'");
        this.assetId = assetId;
    }

    public String assetId() { return assetId; }
}
