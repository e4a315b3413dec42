package eu.interlink.kernel.service;

import java.util.Locale;
import java.util.Optional;

/**
 * How an asset came to be and who holds its data. Internal assets are made and handled by a software
 * Interlinker; knowledge and external ones are held by the kernel itself, so they need no bundle to be used.
 */
public enum AssetKind {
    /** Made through a software Interlinker's SPI; its data is that Interlinker's, in the kernel's store. */
    INTERNAL,
    /** A copy of a knowledge Interlinker's resource file in one language, kept by the kernel. */
    KNOWLEDGE,
    /** A link to something outside the platform: a name and a URI. */
    EXTERNAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AssetKind> of(String label) {
        for (AssetKind k : values()) {
            if (k.label().equals(label)) return Optional.of(k);
        }
        return Optional.empty();
    }
}
