package eu.interlink.platform.maven;

/** A platform that cannot be built, and why, in words for whoever keeps its descriptor. */
public final class PlatformException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlatformException(String message) {
        super(message);
    }
}
