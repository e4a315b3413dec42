package eu.interlink.kernel.service;

/**
 * A configuration value refused: the key and, in words an operator can act on, why. Config Admin itself cannot
 * refuse a write, so a component that reads one of these keeps its last valid configuration and reports the
 * refusal to {@link ConfigurationStatus}.
 */
public final class SettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public SettingException(String key, String reason) {
        super(reason);
        this.key = key;
    }

    /** The configuration key refused. */
    public String key() {
        return key;
    }
}
